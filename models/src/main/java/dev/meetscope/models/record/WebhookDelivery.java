package dev.meetscope.models.record;

/** A payload the receiver accepted: its final HTTP status and how many attempts it took. */
public record WebhookDelivery(String meetingKey, String url, int httpStatus, int attempts) {}
