package dev.meetscope.models.governance;

import dev.meetscope.models.identity.IdentityResolver;
import dev.meetscope.models.identity.NameNormalizer;
import dev.meetscope.models.record.ActionItemRow;
import dev.meetscope.models.record.MeetingTopic;
import dev.meetscope.models.record.TopicContributor;
import dev.meetscope.models.record.UtteranceSentiment;
import dev.meetscope.models.record.ActionItem;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.CrosstalkSegment;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.ParticipantSession;
import dev.meetscope.models.record.Utterance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output policy applied to every row just before it is written: pseudonyms instead of identities, and
 * names and emails only where {@code --includeIdentities=true} allows them.
 *
 * <ul>
 *   <li>{@code participant_key} (and every other person key: action-item owners, crosstalk speakers) becomes
 *       {@link Pseudonymizer#participantKey} of the stable identity the analysis chose;
 *   <li>ids in session and event rows ({@code participant_id}, {@code participant_user_id},
 *       {@code customer_key}, {@code registrant_id}, {@code host_id}) become the key of {@code uid:…},
 *       {@code ck:…}, {@code reg:…} — the same value as {@code participant_key} when that id was the
 *       person's best identity — always, with or without {@code --includeIdentities};
 *   <li>without {@code --includeIdentities}: display names, original names and emails are null; transcript
 *       speaker and chat sender/recipient labels become the key of {@code name:<meetingKey>:<normalised
 *       label>} (a per-meeting label pseudonym); and every name, email and id of the meeting, plus anything
 *       shaped like an email, is replaced by {@value Redactor#MARK} in free text (utterance and chat text,
 *       topics, summaries, action items, source file paths);
 *   <li>dead letters are for operators, never host-facing: their raw text, message and path are redacted
 *       the same way whatever {@code --includeIdentities} says;
 *   <li>participant_meeting rows of opted-out people (flag {@value IdentityResolver#OPTED_OUT_FLAG}) are
 *       not written: they count in meeting totals only.
 * </ul>
 * Not {@code Serializable}: it holds a {@link Pseudonymizer}. Build one per worker ({@code @Setup}).
 */
public final class IdentityPolicy {
  /** Anything shaped like an email address; redacted from default outputs even when nobody listed it. */
  static final Pattern EMAIL_SHAPE = Pattern.compile(
      "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");

  private final Pseudonymizer keys;
  private final boolean includeIdentities;

  public IdentityPolicy(Pseudonymizer keys, boolean includeIdentities) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.includeIdentities = includeIdentities;
  }

  public boolean includeIdentities() {
    return includeIdentities;
  }

  public String keyId() {
    return keys.keyId();
  }

  /** The key of a stable identity string ({@code ck:…}, {@code uid:…}, {@code email:…}, {@code name:…}). */
  public String key(String stableIdentity) {
    return stableIdentity == null ? null : keys.participantKey(stableIdentity);
  }

  /** The per-meeting pseudonym of a transcript or chat label. */
  public String labelKey(String meetingKey, String label) {
    if (label == null || label.isBlank() || Redactor.MARK.equals(label)) {
      return label;
    }
    String n = NameNormalizer.normalize(label);
    return key(IdentityResolver.nameIdentity(meetingKey, n == null ? label.strip() : n));
  }

  /**
   * Free-text cleaning for one meeting: its names and ids, then anything shaped like an email. For a small
   * meeting one {@link Redactor}; for a big one (a town hall's 10,000 names would make one regex
   * alternation try 10,000 terms at every character) an index by first word picks the few candidate names
   * of each text first.
   */
  @FunctionalInterface
  public interface Cleaner {
    String clean(String text);

    static Cleaner of(Redactor redactor) {
      return text -> IdentityPolicy.clean(redactor, text);
    }
  }

  /** Meetings with more names and ids than this are cleaned through the first-word index. */
  static final int INDEX_ABOVE = 200;

  /** Everything identifying that one meeting's records mention: the terms its free text is cleaned of. */
  public static final class MeetingTerms {
    private final Set<String> names = new LinkedHashSet<>();
    private final Set<String> emails = new LinkedHashSet<>();
    private final Set<String> ids = new LinkedHashSet<>();

    public MeetingTerms add(ParticipantSession s) {
      add(names, s.displayName(), s.originalName());
      add(emails, s.email());
      add(ids, s.participantId(), s.participantUserId(), s.customerKey(), s.registrantId());
      return this;
    }

    public MeetingTerms add(MeetingEvent e) {
      add(names, e.displayName());
      add(emails, e.email());
      add(ids, e.participantId(), e.participantUserId(), e.customerKey(), e.registrantId(), e.hostId());
      return this;
    }

    public MeetingTerms add(MeetingManifest m) {
      if (m != null) {
        add(names, m.hostName());
        add(emails, m.hostEmail());
        add(ids, m.hostId());
      }
      return this;
    }

    public MeetingTerms add(Utterance u) {
      add(names, u.speakerLabel());
      return this;
    }

    public MeetingTerms add(ChatMessage c) {
      add(names, c.senderLabel(), c.recipientLabel());
      return this;
    }

    public MeetingTerms add(ParticipantMeeting p) {
      add(names, p.displayName());
      add(emails, p.email());
      return this;
    }

    private static void add(Set<String> set, String... values) {
      for (String v : values) {
        if (v != null && !v.isBlank() && !Redactor.MARK.equals(v)) {
          set.add(v.strip());
        }
      }
    }

    public Redactor redactor() {
      return Redactor.of(names, emails, ids);
    }

    public Cleaner cleaner() {
      if (names.size() + ids.size() <= INDEX_ABOVE) {
        return Cleaner.of(redactor());
      }
      return new IndexedCleaner(names, ids);
    }
  }

  /** A cleaner for big meetings: candidate terms by first word (or first character for CJK). */
  static final class IndexedCleaner implements Cleaner {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private final java.util.Map<String, List<String>> names = new java.util.HashMap<>();
    private final java.util.Map<String, List<String>> ids = new java.util.HashMap<>();

    IndexedCleaner(Collection<String> allNames, Collection<String> allIds) {
      for (String n : allNames) {
        String norm = NameNormalizer.normalize(n);
        String k = norm == null ? null : indexKey(norm);
        if (k != null) {
          names.computeIfAbsent(k, x -> new ArrayList<>()).add(n);
        }
      }
      for (String id : allIds) {
        if (id.length() >= Redactor.MIN_KEY_LENGTH) {
          String k = indexKey(id.toLowerCase(java.util.Locale.ROOT));
          if (k != null) {
            ids.computeIfAbsent(k, x -> new ArrayList<>()).add(id);
          }
        }
      }
    }

    private static String indexKey(String normalised) {
      Matcher m = WORD.matcher(normalised);
      if (!m.find()) {
        return null;
      }
      String first = m.group();
      int cp = first.codePointAt(0);
      return isCjk(cp) ? new String(Character.toChars(cp)) : first;
    }

    private static boolean isCjk(int cp) {
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
          || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    @Override
    public String clean(String text) {
      if (text == null || text.isEmpty()) {
        return text;
      }
      String norm = NameNormalizer.normalize(text);
      Set<String> candidateNames = new LinkedHashSet<>();
      Set<String> candidateIds = new LinkedHashSet<>();
      Matcher m = WORD.matcher(norm == null ? "" : norm);
      while (m.find()) {
        String word = m.group();
        add(candidateNames, names.get(word));
        add(candidateIds, ids.get(word));
        for (int i = 0; i < word.length(); ) {
          int cp = word.codePointAt(i);
          if (isCjk(cp)) {
            add(candidateNames, names.get(new String(Character.toChars(cp))));
          }
          i += Character.charCount(cp);
        }
      }
      Redactor r = candidateNames.isEmpty() && candidateIds.isEmpty() ? Redactor.none()
          : Redactor.of(candidateNames, List.of(), candidateIds);
      return IdentityPolicy.clean(r, text);
    }

    private static void add(Set<String> into, List<String> values) {
      if (values != null) {
        into.addAll(values);
      }
    }
  }

  /** Free-text cleaning for one meeting: its terms, then anything email-shaped. */
  public static String clean(Redactor redactor, String text) {
    if (text == null) {
      return null;
    }
    String r = redactor.redact(text);
    Matcher m = EMAIL_SHAPE.matcher(r);
    return m.find() ? m.replaceAll(Matcher.quoteReplacement(Redactor.MARK)) : r;
  }

  private String text(Cleaner r, String s) {
    return includeIdentities ? s : r.clean(s);
  }

  private String name(String s) {
    return includeIdentities ? s : null;
  }

  private String id(String prefix, String id) {
    return id == null || id.isBlank() ? id : key(prefix + id.strip());
  }

  private String email(String email) {
    return includeIdentities ? email : null;
  }

  /** Null when the row is not written (an opted-out person). */
  public ParticipantMeeting protect(ParticipantMeeting p) {
    if (p.flags().contains(IdentityResolver.OPTED_OUT_FLAG)) {
      return null;
    }
    ParticipantMeeting keyed = p.withParticipantKey(key(p.participantKey()));
    if (includeIdentities) {
      return keyed;
    }
    return new ParticipantMeeting(keyed.meetingKey(), keyed.participantKey(), null, null, keyed.isHost(),
        keyed.firstJoin(), keyed.lastLeave(), keyed.attendedSeconds(), keyed.attendanceRatio(),
        keyed.sessions(), keyed.rejoins(), keyed.lateJoinSeconds(), keyed.earlyLeaveSeconds(),
        keyed.attentionScore(), keyed.talkSeconds(), keyed.speakingPct(), keyed.turns(), keyed.words(),
        keyed.wordsPerMinute(), keyed.longestMonologueSeconds(), keyed.monologues(), keyed.questionsAsked(),
        keyed.interruptionsMade(), keyed.interrupted(), keyed.chatMessages(), keyed.chatQuestions(),
        keyed.chatReplies(), keyed.reactions(), keyed.reactionsReceived(), keyed.privateChatMessages(),
        keyed.chatActivity(), keyed.sentimentAvg(), keyed.keyTopicsContributed(), keyed.engagementScore(),
        keyed.engagementAttention(), keyed.engagementSpeaking(), keyed.engagementChat(),
        keyed.engagementQuestions(), keyed.engagementTone(), keyed.matchMethod(), keyed.flags(),
        keyed.confidence(), keyed.metricsVersion());
  }

  public ParticipantSession protect(ParticipantSession s, Cleaner r) {
    return new ParticipantSession(s.meetingKey(), text(r, s.sourceFile()), s.sourceLine(), s.format(),
        s.meetingId(), s.meetingUuid(), name(s.displayName()), name(s.originalName()),
        email(s.email()),
        id("uid:", s.participantId()), id("uid:", s.participantUserId()), s.userId(),
        id("ck:", s.customerKey()), id("reg:", s.registrantId()), s.joinTime(), s.leaveTime(),
        s.durationSeconds(), s.guest(), s.role(), s.recordingConsent(), s.status(), s.breakoutRoomId(),
        s.flags());
  }

  public MeetingEvent protect(MeetingEvent e, Cleaner r) {
    return new MeetingEvent(e.meetingKey(), text(r, e.sourceFile()), e.sourceLine(), e.format(), e.event(),
        e.eventTime(), e.requestId(), e.accountId(), e.meetingId(), e.meetingUuid(), text(r, e.topic()),
        id("uid:", e.hostId()), e.meetingStartTime(), e.meetingEndTime(), e.timezone(),
        name(e.displayName()), email(e.email()), id("uid:", e.participantId()),
        id("uid:", e.participantUserId()), e.userId(), e.participantUuid(), id("ck:", e.customerKey()),
        id("reg:", e.registrantId()), e.joinTime(), e.leaveTime(), e.leaveReason(), e.flags());
  }

  public Utterance protect(Utterance u, Cleaner r) {
    if (includeIdentities) {
      return u;
    }
    return new Utterance(u.meetingKey(), r.clean(u.sourceFile()), u.sourceLine(), u.format(), u.cueId(),
        labelKey(u.meetingKey(), u.speakerLabel()), u.speakerInferred(), u.timeBase(), u.startMs(),
        u.endMs(), u.wallTime(), r.clean(u.text()), u.flags());
  }

  public ChatMessage protect(ChatMessage c, Cleaner r) {
    if (includeIdentities) {
      return c;
    }
    return new ChatMessage(c.meetingKey(), r.clean(c.sourceFile()), c.sourceLine(), c.format(), c.dialect(),
        labelKey(c.meetingKey(), c.senderLabel()), labelKey(c.meetingKey(), c.recipientLabel()), c.kind(),
        c.isPrivate(), r.clean(c.text()), r.clean(c.targetSnippet()), c.timeBase(), c.offsetMs(),
        c.localTime(), c.localDate(), c.wallTime(), c.flags());
  }

  public MeetingSummary protect(MeetingSummary m, Cleaner r) {
    List<CrosstalkSegment> crosstalk = null;
    if (m.crosstalkSegments() != null) {
      crosstalk = new ArrayList<>();
      for (CrosstalkSegment c : m.crosstalkSegments()) {
        crosstalk.add(new CrosstalkSegment(c.start(), c.end(), c.startOffsetSeconds(), c.endOffsetSeconds(),
            keys(c.speakers()), c.kind()));
      }
    }
    List<ActionItem> actions = null;
    if (m.actionItems() != null) {
      actions = new ArrayList<>();
      for (ActionItem a : m.actionItems()) {
        actions.add(new ActionItem(text(r, a.text()), key(a.ownerKey()), name(a.ownerName()),
            a.duePhrase(), a.clear(), a.time()));
      }
    }
    return new MeetingSummary(m.meetingKey(), m.meetingId(), text(r, m.topic()), m.meetingStart(),
        m.meetingEnd(), m.durationSeconds(), m.spanSource(), m.participants(), m.peakConcurrent(),
        m.neverSpoke(), m.avgAttendanceRatio(), m.totalTalkSeconds(), m.talkListenRatio(),
        m.participationGini(), m.speakerEntropy(), m.crosstalkSeconds(), crosstalk, m.interruptions(),
        m.questions(), m.answeredRatio(), m.chatMessages(), m.massDropoffs(), m.engagementDrops(), actions,
        m.topics(), m.engagementMean(), m.effectivenessScore(), text(r, m.summary()), m.flags(),
        m.confidence(), m.metricsVersion());
  }

  /** A sentence-sentiment row: the speaker label becomes its per-meeting key. */
  public UtteranceSentiment protect(UtteranceSentiment s, Cleaner r) {
    if (includeIdentities) {
      return s;
    }
    return new UtteranceSentiment(s.meetingKey(), s.source(), s.format(), r.clean(s.sourceFile()), s.sourceLine(),
        labelKey(s.meetingKey(), s.speakerLabel()), s.wallTime(), s.sentiment(), s.sentences(), s.pieces(),
        s.words(), s.emoji(), s.failedSentences(), s.metricsVersion());
  }

  /** A topic: its label and keywords come from what people said, so names in them are redacted. */
  public MeetingTopic protect(MeetingTopic t, Cleaner r) {
    if (includeIdentities) {
      return t;
    }
    List<String> keywords = null;
    if (t.keywords() != null) {
      keywords = new ArrayList<>();
      for (String k : t.keywords()) {
        keywords.add(r.clean(k));
      }
    }
    List<TopicContributor> contributors = null;
    if (t.contributors() != null) {
      contributors = new ArrayList<>();
      for (TopicContributor c : t.contributors()) {
        contributors.add(new TopicContributor(labelKey(t.meetingKey(), c.speakerLabel()), c.words(), c.share()));
      }
    }
    return new MeetingTopic(t.meetingKey(), t.topicId(), r.clean(t.label()), keywords, t.words(), t.wordShare(),
        t.segments(), t.timeRanges(), contributors, t.metricsVersion());
  }

  /** An action item: speaker label keyed, owner name only with identities, text cleaned. */
  public ActionItemRow protect(ActionItemRow a, Cleaner r) {
    if (includeIdentities) {
      return a;
    }
    return new ActionItemRow(a.meetingKey(), a.source(), r.clean(a.sourceFile()), a.sourceLine(),
        labelKey(a.meetingKey(), a.speakerLabel()), a.wallTime(), a.offsetMs(), r.clean(a.text()), r.clean(a.task()),
        null, a.ownerIsSpeaker(), r.clean(a.duePhrase()), a.clear(), a.rule(), a.metricsVersion());
  }

  /** Dead letters go to operators: always cleaned, whatever {@code --includeIdentities} says. */
  public DeadLetter protect(DeadLetter d, Cleaner r) {
    return new DeadLetter(d.meetingKey(), d.stage(), d.format(), r.clean(d.sourceFile()), d.sourceLine(),
        d.byteOffset(), d.reason(), r.clean(d.message()), r.clean(d.rawText()));
  }

  private List<String> keys(Collection<String> identities) {
    List<String> out = new ArrayList<>();
    for (String s : identities) {
      out.add(key(s));
    }
    return out;
  }

  @Override
  public String toString() {
    return "IdentityPolicy[key " + keys.keyId() + ", includeIdentities=" + includeIdentities + "]";
  }
}
