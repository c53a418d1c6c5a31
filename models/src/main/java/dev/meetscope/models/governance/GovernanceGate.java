package dev.meetscope.models.governance;

import dev.meetscope.models.parse.ParsedMeeting;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.FileStat;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.ParticipantSession;
import dev.meetscope.models.record.Utterance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The governance gate, applied to each parsed meeting before anything else sees it.
 *
 * <ol>
 *   <li>Consent: a meeting that may not be analysed is dropped whole (records, dead letters, file stats);
 *       only its {@link ConsentDecision} leaves, to be counted.
 *   <li>Opt-out, with the list {@linkplain OptOutList#expandedFor widened} for this meeting:
 *       <ul>
 *         <li>their participant sessions and webhook events keep timing, role and guest flag only: names,
 *             emails and every id are nulled, {@code participantId} becomes a meeting-local token
 *             {@code opted-out-N} (so rejoins still count as one person in meeting totals) and the flag
 *             {@value #OPTED_OUT_FLAG} is added. Downstream, a flagged session counts in meeting-level
 *             totals (present count, peak concurrency, attendance curve) and never gets a
 *             participant_key or a per-person row;
 *         <li>their utterances and chat messages (as sender) are removed; a private message to them keeps
 *             {@value Redactor#MARK} as recipient; a reply or reaction quoting one of their removed
 *             messages loses the quote (flag {@value #TARGET_REDACTED_FLAG});
 *         <li>in everything else — other people's utterance and chat text, quoted snippets, topics,
 *             dead-letter raw text and messages, source file paths — their names, emails and ids are
 *             replaced by {@value Redactor#MARK};
 *         <li>if they are the host, the manifest and events lose the host's name, email and id.
 *       </ul>
 * </ol>
 * Pure and deterministic: the same input gives the same output.
 */
public final class GovernanceGate {
  public static final String OPTED_OUT_FLAG = "opted_out";
  public static final String TARGET_REDACTED_FLAG = "target_redacted";
  public static final String ANONYMOUS_ID_PREFIX = "opted-out-";

  private final ConsentPolicy consent;
  private final OptOutList optOut;

  public GovernanceGate(ConsentPolicy consent, OptOutList optOut) {
    this.consent = Objects.requireNonNull(consent, "consent");
    this.optOut = optOut == null ? OptOutList.empty() : optOut;
  }

  public GateResult apply(ParsedMeeting meeting) {
    ConsentDecision decision = consent.decide(meeting);
    if (!decision.analyse()) {
      return GateResult.skipped(decision);
    }
    if (optOut.isEmpty()) {
      return new GateResult(decision, meeting, GateResult.Counts.NONE);
    }
    OptOutList people = optOut.expandedFor(list(meeting.sessions()), list(meeting.events()));
    return new Application(meeting, people).run(decision);
  }

  private static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : l;
  }

  /** One meeting's opt-out application: holds the redactor, the anonymous ids and the counters. */
  private static final class Application {
    private final ParsedMeeting m;
    private final OptOutList people;
    private final Redactor redactor;
    private final Map<String, String> redactedPaths = new HashMap<>();
    private final AnonymousIds anonymous = new AnonymousIds();
    private int sessionsAnonymised;
    private int eventsAnonymised;
    private int utterancesRemoved;
    private int chatRemoved;
    private int textsRedacted;
    private int deadLettersRedacted;

    Application(ParsedMeeting m, OptOutList people) {
      this.m = m;
      this.people = people;
      this.redactor = people.redactor();
    }

    GateResult run(ConsentDecision decision) {
      // First pass: group the opted-out records into people, so every record of one person gets the
      // same token even when the link between them shows up only in a later record.
      List<ParticipantSession> inSessions = list(m.sessions());
      List<MeetingEvent> inEvents = list(m.events());
      int[] sessionPerson = new int[inSessions.size()];
      for (int i = 0; i < inSessions.size(); i++) {
        ParticipantSession s = inSessions.get(i);
        sessionPerson[i] = people.matches(s) ? anonymous.register(identifiers(s.email(),
            s.customerKey(), s.participantId(), s.participantUserId(), s.registrantId(),
            s.displayName())) : -1;
      }
      int[] eventPerson = new int[inEvents.size()];
      for (int i = 0; i < inEvents.size(); i++) {
        MeetingEvent e = inEvents.get(i);
        eventPerson[i] = people.matches(e) ? anonymous.register(identifiers(e.email(),
            e.customerKey(), e.participantId(), e.participantUserId(), e.registrantId(),
            e.displayName())) : -1;
      }
      List<ParticipantSession> sessions = new ArrayList<>();
      for (int i = 0; i < inSessions.size(); i++) {
        ParticipantSession s = inSessions.get(i);
        sessions.add(sessionPerson[i] >= 0 ? anonymise(s, anonymous.token(sessionPerson[i]))
            : withPath(s));
      }
      List<MeetingEvent> events = new ArrayList<>();
      for (int i = 0; i < inEvents.size(); i++) {
        MeetingEvent e = inEvents.get(i);
        events.add(eventPerson[i] >= 0 ? anonymise(e, anonymous.token(eventPerson[i])) : scrub(e));
      }
      List<Utterance> utterances = new ArrayList<>();
      for (Utterance u : list(m.utterances())) {
        if (people.matchesName(u.speakerLabel())) {
          utterancesRemoved++;
        } else {
          utterances.add(scrub(u));
        }
      }
      List<String> removedChatTexts = new ArrayList<>();
      List<ChatMessage> kept = new ArrayList<>();
      for (ChatMessage c : list(m.chatMessages())) {
        if (people.matchesName(c.senderLabel())) {
          chatRemoved++;
          if (c.text() != null && !c.text().isBlank()) {
            removedChatTexts.add(c.text().strip());
          }
        } else {
          kept.add(c);
        }
      }
      List<ChatMessage> chat = new ArrayList<>();
      for (ChatMessage c : kept) {
        chat.add(scrub(c, removedChatTexts));
      }
      List<DeadLetter> deadLetters = new ArrayList<>();
      for (DeadLetter d : list(m.deadLetters())) {
        deadLetters.add(scrub(d));
      }
      List<FileStat> fileStats = new ArrayList<>();
      for (FileStat f : list(m.fileStats())) {
        fileStats.add(new FileStat(f.meetingKey(), path(f.sourceFile()), f.format(), f.status(),
            f.bytes(), f.recordsRead(), f.recordsParsed(), f.recordsDeadLettered()));
      }
      ParsedMeeting out = new ParsedMeeting(m.meetingKey(), scrub(m.manifest()), sessions, utterances,
          chat, events, deadLetters, fileStats);
      return new GateResult(decision, out, new GateResult.Counts(anonymous.count(), sessionsAnonymised,
          eventsAnonymised, utterancesRemoved, chatRemoved, textsRedacted, deadLettersRedacted));
    }

    private ParticipantSession anonymise(ParticipantSession s, String token) {
      sessionsAnonymised++;
      return new ParticipantSession(s.meetingKey(), path(s.sourceFile()), s.sourceLine(), s.format(),
          s.meetingId(), s.meetingUuid(), null, null, null, token, null, null, null, null, s.joinTime(),
          s.leaveTime(), s.durationSeconds(), s.guest(), s.role(), s.recordingConsent(), s.status(),
          s.breakoutRoomId(), flagged(s.flags(), OPTED_OUT_FLAG));
    }

    private ParticipantSession withPath(ParticipantSession s) {
      String p = path(s.sourceFile());
      if (Objects.equals(p, s.sourceFile())) {
        return s;
      }
      return new ParticipantSession(s.meetingKey(), p, s.sourceLine(), s.format(), s.meetingId(),
          s.meetingUuid(), s.displayName(), s.originalName(), s.email(), s.participantId(),
          s.participantUserId(), s.userId(), s.customerKey(), s.registrantId(), s.joinTime(),
          s.leaveTime(), s.durationSeconds(), s.guest(), s.role(), s.recordingConsent(), s.status(),
          s.breakoutRoomId(), s.flags());
    }

    private MeetingEvent anonymise(MeetingEvent e, String token) {
      eventsAnonymised++;
      return new MeetingEvent(e.meetingKey(), path(e.sourceFile()), e.sourceLine(), e.format(),
          e.event(), e.eventTime(), e.requestId(), e.accountId(), e.meetingId(), e.meetingUuid(),
          text(e.topic()), hostId(e.hostId()), e.meetingStartTime(), e.meetingEndTime(), e.timezone(),
          null, null, token, null, null, null, null, null, e.joinTime(), e.leaveTime(), e.leaveReason(),
          flagged(e.flags(), OPTED_OUT_FLAG));
    }

    private MeetingEvent scrub(MeetingEvent e) {
      return new MeetingEvent(e.meetingKey(), path(e.sourceFile()), e.sourceLine(), e.format(),
          e.event(), e.eventTime(), e.requestId(), e.accountId(), e.meetingId(), e.meetingUuid(),
          text(e.topic()), hostId(e.hostId()), e.meetingStartTime(), e.meetingEndTime(), e.timezone(),
          e.displayName(), e.email(), e.participantId(), e.participantUserId(), e.userId(),
          e.participantUuid(), e.customerKey(), e.registrantId(), e.joinTime(), e.leaveTime(),
          e.leaveReason(), e.flags());
    }

    private Utterance scrub(Utterance u) {
      return new Utterance(u.meetingKey(), path(u.sourceFile()), u.sourceLine(), u.format(), u.cueId(),
          u.speakerLabel(), u.speakerInferred(), u.timeBase(), u.startMs(), u.endMs(), u.wallTime(),
          text(u.text()), u.flags());
    }

    private ChatMessage scrub(ChatMessage c, List<String> removedTexts) {
      String recipient = people.matchesName(c.recipientLabel()) ? Redactor.MARK : c.recipientLabel();
      String snippet = c.targetSnippet();
      List<String> flags = c.flags();
      if (snippet != null && quotesAny(snippet, removedTexts)) {
        snippet = null;
        flags = flagged(flags, TARGET_REDACTED_FLAG);
      } else {
        snippet = text(snippet);
      }
      return new ChatMessage(c.meetingKey(), path(c.sourceFile()), c.sourceLine(), c.format(),
          c.dialect(), c.senderLabel(), recipient, c.kind(), c.isPrivate(), text(c.text()), snippet,
          c.timeBase(), c.offsetMs(), c.localTime(), c.localDate(), c.wallTime(), flags);
    }

    private DeadLetter scrub(DeadLetter d) {
      String raw = redactor.redact(d.rawText());
      String message = redactor.redact(d.message());
      String file = path(d.sourceFile());
      if (Objects.equals(raw, d.rawText()) && Objects.equals(message, d.message())
          && Objects.equals(file, d.sourceFile())) {
        return d;
      }
      deadLettersRedacted++;
      return new DeadLetter(d.meetingKey(), d.stage(), d.format(), file, d.sourceLine(),
          d.byteOffset(), d.reason(), message, raw);
    }

    private MeetingManifest scrub(MeetingManifest mf) {
      if (mf == null) {
        return null;
      }
      boolean hostOut = people.matchesEmail(mf.hostEmail()) || people.matchesUserId(mf.hostId())
          || people.matchesName(mf.hostName());
      return new MeetingManifest(mf.meetingId(), mf.uuid(), text(mf.topic()),
          hostOut ? null : mf.hostName(), hostOut ? null : mf.hostEmail(),
          hostOut ? null : mf.hostId(), mf.scheduledStart(), mf.durationMinutes(), mf.timeZone(),
          mf.recordingStart(), mf.analyticsEnabled());
    }

    private String hostId(String hostId) {
      return people.matchesUserId(hostId) ? null : hostId;
    }

    /** Redacts free text, counting changes. */
    private String text(String s) {
      String r = redactor.redact(s);
      if (!Objects.equals(r, s)) {
        textsRedacted++;
      }
      return r;
    }

    private String path(String p) {
      if (p == null) {
        return null;
      }
      return redactedPaths.computeIfAbsent(p, redactor::redact);
    }

    /** True when a reply/reaction snippet quotes the start of a removed message. */
    private static boolean quotesAny(String snippet, List<String> removedTexts) {
      String core = snippet.strip();
      if (core.endsWith("...")) {
        core = core.substring(0, core.length() - 3).strip();
      } else if (core.endsWith("…")) {
        core = core.substring(0, core.length() - 1).strip();
      }
      if (core.isEmpty()) {
        return false;
      }
      for (String t : removedTexts) {
        if (t.startsWith(core)) {
          return true;
        }
      }
      return false;
    }
  }

  private static List<String> flagged(List<String> flags, String flag) {
    if (flags.contains(flag)) {
      return flags;
    }
    List<String> out = new ArrayList<>(flags);
    out.add(flag);
    return out;
  }

  /** Identifiers that tie records of one opted-out person together within the meeting. */
  private static List<String> identifiers(String email, String customerKey, String participantId,
      String participantUserId, String registrantId, String displayName) {
    List<String> ids = new ArrayList<>();
    if (email != null && !email.isBlank()) {
      ids.add("e:" + email.strip().toLowerCase(Locale.ROOT));
    }
    if (customerKey != null && !customerKey.isBlank()) {
      ids.add("k:" + customerKey.strip());
    }
    if (participantId != null && !participantId.isBlank()) {
      ids.add("u:" + participantId.strip());
    }
    if (participantUserId != null && !participantUserId.isBlank()) {
      ids.add("u:" + participantUserId.strip());
    }
    if (registrantId != null && !registrantId.isBlank()) {
      ids.add("r:" + registrantId.strip());
    }
    List<String> names = new ArrayList<>(NameVariants.listed(displayName));
    if (!names.isEmpty()) {
      ids.add("n:" + names.get(names.size() - 1)); // the base name, trailing parentheses removed
    }
    return ids;
  }

  /**
   * Meeting-local tokens for opted-out people: records sharing any identifier are one person (a small
   * union-find over all records first, tokens afterwards), numbered by first appearance: deterministic.
   */
  private static final class AnonymousIds {
    private final Map<String, Integer> personOfIdentifier = new LinkedHashMap<>();
    private final List<Integer> parent = new ArrayList<>();

    /** Registers one record; returns its person (resolve with {@link #token} after all are registered). */
    int register(List<String> identifiers) {
      Integer person = null;
      for (String id : identifiers) {
        Integer p = personOfIdentifier.get(id);
        if (p != null) {
          person = person == null ? find(p) : union(person, p);
        }
      }
      if (person == null) {
        person = parent.size();
        parent.add(person);
      }
      for (String id : identifiers) {
        personOfIdentifier.putIfAbsent(id, person);
      }
      return person;
    }

    String token(int person) {
      int root = find(person);
      int rank = 0;
      for (int i = 0; i < root; i++) {
        if (find(i) == i) {
          rank++;
        }
      }
      return ANONYMOUS_ID_PREFIX + (rank + 1);
    }

    /** Distinct people registered. */
    int count() {
      int roots = 0;
      for (int i = 0; i < parent.size(); i++) {
        if (find(i) == i) {
          roots++;
        }
      }
      return roots;
    }

    private int find(int p) {
      while (parent.get(p) != p) {
        p = parent.get(p);
      }
      return p;
    }

    /** Joins two people; the smaller index (the earlier person) stays the root. */
    private int union(int a, int b) {
      int ra = find(a);
      int rb = find(b);
      if (ra == rb) {
        return ra;
      }
      int root = Math.min(ra, rb);
      parent.set(Math.max(ra, rb), root);
      return root;
    }
  }
}
