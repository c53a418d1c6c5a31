/**
 * Identity resolution, attendance and conversation dynamics of a meeting occurrence, in plain Java
 * (docs/metrics.md states every definition as implemented). The shape follows the Beam pipeline that
 * wraps it:
 *
 * <ol>
 *   <li>per meeting ({@link dev.meetscope.models.analytics.MeetingAnalyzer#plan}): resolve identities over
 *       the meeting's sessions ({@link dev.meetscope.models.identity.IdentityResolver}), put every record on
 *       one clock ({@link dev.meetscope.models.analytics.TimeAxis}, {@link
 *       dev.meetscope.models.analytics.SpanResolver}), match transcript and chat labels ({@link
 *       dev.meetscope.models.identity.LabelResolver}), align speakers and analyse the conversation and
 *       chat; this yields a small {@link dev.meetscope.models.analytics.MeetingContext} and one
 *       {@link dev.meetscope.models.analytics.aggregate.PersonActivity} per person;
 *   <li>per person ({@link dev.meetscope.models.analytics.aggregate.ParticipantMetrics}): the
 *       {@code participant_meeting} row and a {@link
 *       dev.meetscope.models.analytics.aggregate.PersonContribution};
 *   <li>per meeting again, from mergeable accumulators ({@link
 *       dev.meetscope.models.analytics.aggregate.MeetingAccumulator}, {@link
 *       dev.meetscope.models.analytics.aggregate.TimelineAccumulator}): the {@code meeting} row and the
 *       {@code meeting_timeline}. Both are {@code Serializable} with {@code add}, {@code merge} and
 *       {@code extract}, so a {@code CombineFn} can fan a 10,000-person meeting out.
 * </ol>
 */
package dev.meetscope.models.analytics;
