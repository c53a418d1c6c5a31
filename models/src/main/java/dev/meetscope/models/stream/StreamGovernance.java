package dev.meetscope.models.stream;

import dev.meetscope.models.analytics.MeetingAnalysis;
import dev.meetscope.models.governance.AllowList;
import dev.meetscope.models.governance.ConsentDecision;
import dev.meetscope.models.governance.ConsentMode;
import dev.meetscope.models.governance.ConsentPolicy;
import dev.meetscope.models.governance.ConsentSubject;
import dev.meetscope.models.governance.GovernanceGate;
import dev.meetscope.models.governance.IdentityPolicy;
import dev.meetscope.models.governance.OptOutList;
import dev.meetscope.models.governance.Redactor;
import dev.meetscope.models.parse.ParsedMeeting;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.TimelineMinute;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The governance policy of the streaming job (docs/governance.md, docs/streaming.md): the batch job's opt-out
 * gate ({@link GovernanceGate}) and output policy ({@link IdentityPolicy}) applied to what the stream has.
 *
 * <ul>
 *   <li>{@link #gate}: when a meeting closes, its kept events pass the batch gate (consent is not checked:
 *       webhook events carry no manifest), so opted-out people keep only their timing under a meeting-local
 *       token with flag {@code opted_out}; their chat events are removed (batch removes their messages);
 *   <li>{@link #countsLive}: a chat event of a listed person is not counted in the live windows;
 *   <li>{@link #protect(List, MeetingAnalysis)}: final rows as batch writes them — {@code participant_key}
 *       the HMAC of the stable identity the analysis chose (same key, same person: same value as batch),
 *       opted-out people's rows withheld, no names or emails unless {@code --includeIdentities=true};
 *   <li>{@link #protect(DeadLetter)}: dead letters, always (operators' data): the list's terms, the names,
 *       emails and ids the dead letter's own delivery carries, and anything shaped like an email become
 *       {@value Redactor#MARK}. A stream dead letter is cleaned on its own, when it happens, so it cannot
 *       learn names from the rest of its meeting as batch does; a webhook delivery names only its own
 *       participant, whose fields are read from the raw text.
 * </ul>
 * Not {@code Serializable} (it holds a {@link IdentityPolicy}): build one per worker.
 */
public final class StreamGovernance {
  /** JSON string fields of Zoom webhook payloads that hold a name, an email or a person's id. */
  static final Pattern IDENTITY_FIELD = Pattern.compile(
      "\"(user_name|display_name|name|email|user_email|host_email|host_name|participant_user_id"
          + "|customer_key|registrant_id|host_id|participant_uuid)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Set<String> NAME_FIELDS =
      Set.of("user_name", "display_name", "name", "host_name");
  private static final Set<String> EMAIL_FIELDS = Set.of("email", "user_email", "host_email");

  private final OptOutList optOut;
  private final IdentityPolicy policy;
  private final GovernanceGate gate;
  private final ConsentPolicy consent;

  /** {@code consent} decides per meeting from its events (webhooks carry no manifest: allow list or all). */
  public StreamGovernance(ConsentPolicy consent, OptOutList optOut, IdentityPolicy policy) {
    this.consent = Objects.requireNonNull(consent, "consent");
    this.optOut = optOut == null ? OptOutList.empty() : optOut;
    this.policy = Objects.requireNonNull(policy, "policy");
    // The gate below only applies the opt-out list: consent was decided per event on arrival.
    this.gate = new GovernanceGate(new ConsentPolicy(ConsentMode.ALL, AllowList.empty()), this.optOut);
  }

  /** Without a consent check ({@code --consentMode=all}). */
  public StreamGovernance(OptOutList optOut, IdentityPolicy policy) {
    this(new ConsentPolicy(ConsentMode.ALL, AllowList.empty()), optOut, policy);
  }

  /**
   * Whether the meeting of this event may be analysed, from what the event says of its meeting (id, UUID,
   * host id). In manifest mode only the allow list can give consent: webhooks carry no manifest flag.
   */
  public ConsentDecision consent(MeetingEvent e) {
    return consent.decide(new ConsentSubject(e.meetingKey(), e.meetingId() == null ? null
        : e.meetingId().replace(" ", ""), e.meetingUuid(), null, e.hostId(), null));
  }

  /** The protected final rows of one meeting. */
  public record FinalRows(
      List<ParticipantMeeting> participants, MeetingSummary meeting, List<TimelineMinute> timeline) {}

  /** One meeting's events after the opt-out gate, in the same order; their chat events removed. */
  public List<MeetingEvent> gate(String meetingKey, List<MeetingEvent> events) {
    if (optOut.isEmpty()) {
      return events;
    }
    ParsedMeeting gated = gate.apply(new ParsedMeeting(meetingKey, null, List.of(), List.of(), List.of(),
        events, List.of(), List.of())).meeting();
    List<MeetingEvent> out = new ArrayList<>();
    for (MeetingEvent e : gated.events()) {
      if (!(StreamEvents.CHAT.equals(e.event()) && e.flags().contains(GovernanceGate.OPTED_OUT_FLAG))) {
        out.add(e);
      }
    }
    return out;
  }

  /** Whether one event counts in the live windows: not a chat message of someone on the list. */
  public boolean countsLive(MeetingEvent e) {
    return optOut.isEmpty() || !StreamEvents.CHAT.equals(e.event()) || !optOut.matches(e);
  }

  /**
   * The output policy over a meeting's final rows; {@code gatedEvents} (from {@link #gate}) give the names,
   * emails and ids its free text (the topic) is cleaned of.
   */
  public FinalRows protect(List<MeetingEvent> gatedEvents, MeetingAnalysis analysis) {
    IdentityPolicy.MeetingTerms terms = new IdentityPolicy.MeetingTerms();
    gatedEvents.forEach(terms::add);
    IdentityPolicy.Cleaner cleaner = terms.cleaner();
    List<ParticipantMeeting> people = new ArrayList<>();
    for (ParticipantMeeting p : analysis.participants()) {
      ParticipantMeeting kept = policy.protect(p);
      if (kept != null) {
        people.add(kept);
      }
    }
    return new FinalRows(people, policy.protect(analysis.meeting(), cleaner), analysis.timeline());
  }

  /** A dead letter cleaned of the list's people, its own delivery's people and email-shaped text. */
  public DeadLetter protect(DeadLetter d) {
    Set<String> names = new LinkedHashSet<>();
    Set<String> emails = new LinkedHashSet<>();
    Set<String> ids = new LinkedHashSet<>();
    for (String text : new String[] {d.rawText(), d.message()}) {
      if (text == null) {
        continue;
      }
      Matcher m = IDENTITY_FIELD.matcher(text);
      while (m.find()) {
        String field = m.group(1);
        String value = m.group(2);
        if (value.isBlank()) {
          continue;
        }
        Set<String> into = NAME_FIELDS.contains(field) ? names : EMAIL_FIELDS.contains(field) ? emails : ids;
        into.add(value.strip());
        String plain = unescape(value).strip();
        if (!plain.isEmpty()) {
          into.add(plain);
        }
      }
    }
    Redactor own = Redactor.of(names, emails, ids);
    Redactor listed = optOut.redactor();
    IdentityPolicy.Cleaner cleaner = text -> IdentityPolicy.clean(own, listed.redact(text));
    return policy.protect(d, cleaner);
  }

  /** JSON string escapes (\" \\ \/ \n \t \\uXXXX) undone, leniently: unknown escapes are kept. */
  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        b.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'r' -> b.append('\r');
        case 'u' -> {
          if (i + 4 < s.length() && s.substring(i + 1, i + 5).matches("[0-9A-Fa-f]{4}")) {
            b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
            i += 4;
          } else {
            b.append("\\u");
          }
        }
        default -> b.append(n);
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return "StreamGovernance[" + optOut + ", " + policy + "]";
  }
}
