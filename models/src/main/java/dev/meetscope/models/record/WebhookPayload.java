package dev.meetscope.models.record;

/**
 * One meeting's JSON payload for {@code --webhookUrl} (metrics.md "Webhook payload").
 *
 * @param idempotencyKey stable per meeting and metrics version, sent as {@code Idempotency-Key} so a
 *     receiver can drop a payload delivered twice (retries, reruns)
 */
public record WebhookPayload(String meetingKey, String idempotencyKey, String json) {}
