package dev.meetscope.models.nlp.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule-based detection of commitments to future work (docs/nlp.md, "Action items"). Precision matters more than
 * recall, so a sentence counts only when it matches one of four shapes and its main verb is a task verb:
 *
 * <ul>
 *   <li>{@code explicit}: "Action item: Dana to send the notes", "TODO: …", "Next step: …" (any task);
 *   <li>{@code self}: "I'll / I will / I'm going to / I can / let me + task verb" ("I'll send the deck by
 *       Friday"); the speaker owns it. "Let me" counts only with follow-up verbs (check, follow up, get back);
 *   <li>{@code request}: "Can / could / would / will you + task verb …?", optionally addressed by name
 *       ("Dana, can you …", "…, Lee?"); the person named owns it, else nobody is known;
 *   <li>{@code assignment}: "Dana will / is going to / to + task verb …".
 * </ul>
 *
 * Not counted: negations ("I can't send it"), past tense, questions about oneself ("Should I …?"), "we"
 * (nobody in particular), and meeting mechanics done on the spot ("let me share my screen", "can you hear me",
 * "I'll put the link in the chat"). A short acknowledgement before the commitment is allowed ("Sure, I'll …").
 */
public final class ActionItemDetector {
  /** Verbs of work that can be owned. */
  static final Set<String> TASK_VERBS = Set.of("send", "share", "follow", "check", "review", "update", "schedule",
      "prepare", "draft", "write", "reconcile", "set", "book", "file", "fix", "ship", "finish", "complete", "call",
      "email", "ping", "reach", "ask", "confirm", "look", "find", "investigate", "organize", "organise", "collect",
      "label", "patch", "roll", "publish", "finalize", "finalise", "triage", "groom", "create", "add", "loop",
      "circle", "get", "take", "own", "handle", "coordinate", "sync", "talk", "approve", "sign", "submit", "post",
      "order", "clean", "escalate", "test", "deploy", "document", "summarize", "summarise", "compile", "pull",
      "run", "put", "make", "train", "contact", "invite", "arrange", "plan", "track", "remind", "cover", "draw",
      "dig", "open", "close", "merge", "move", "build", "design", "print", "upload", "forward", "chase",
      "nudge", "sort", "double-check", "verify", "validate", "fill", "do", "work", "come",
      "have", "pick", "let", "answer", "reply", "respond", "research", "analyze", "analyse", "estimate", "price",
      "audit", "hire", "interview", "onboard", "migrate", "install", "configure", "enable", "disable", "renew",
      "cancel", "pay", "invoice", "reserve", "notify", "announce", "present", "demo", "record", "recap", "list");
  /** After "let me": only follow-up work, not what is done on the spot ("let me share my screen"). */
  static final Set<String> LET_ME_VERBS = Set.of("check", "follow", "get", "look", "find", "ask", "confirm",
      "circle", "dig", "ping", "reach", "loop", "talk", "send", "email", "sync", "investigate", "double-check",
      "verify", "chase", "research");
  /** Objects and adverbs that mean "right now, in this meeting". */
  private static final Pattern ON_THE_SPOT = Pattern.compile(
      "\\b(?:my screen|the screen|in the chat|on mute|right now|real quick|a second|a minute|a sec)\\b|^(?:now|here)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Set<String> ACKS = Set.of("sure", "yes", "yeah", "yep", "okay", "ok", "alright", "right",
      "absolutely", "definitely", "of", "course", "no", "problem", "sounds", "good", "got", "it", "will", "do",
      "so", "um", "uh", "and", "then", "great", "perfect", "fine", "cool", "thanks", "well");
  private static final Set<String> NOT_NAMES = Set.of("i", "we", "you", "they", "he", "she", "it", "team",
      "everyone", "everybody", "all", "folks", "guys", "so", "and", "okay", "ok", "alright", "yes", "yeah", "sure",
      "also", "then", "now", "please", "hey", "hi", "hello", "thanks", "well", "but", "or", "if", "when", "maybe",
      "someone", "somebody", "anyone", "anybody", "this", "that", "what", "who", "how", "why", "where", "action",
      "todo", "next", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "um", "uh",
      "great", "good", "perfect", "cool", "right", "sorry");

  private static final String NAME = "([A-Z][\\p{L}'’-]+(?: [A-Z][\\p{L}'’-]+)?)";
  private static final Pattern EXPLICIT = Pattern.compile(
      "^(?:action items?|action|ai|todo|to-do|to do|next steps?|follow[- ]ups?)\\s*[:\\-–—]\\s*(.+)$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern OWNER_TO = Pattern.compile(
      "^" + NAME + "(?: and " + NAME + ")?(?:,)? (?:to|will|should|needs? to|is going to|'s going to) (.+)$");
  private static final Pattern SELF = Pattern.compile(
      "^(?:I(?:'ll| will| shall| am going to|'m going to|'m gonna| can| could)|let me|I'll take the action to"
          + "|I will take the action to|I'll take an action to)\\s+(.+)$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern REQUEST = Pattern.compile(
      "^(?:" + NAME + ",\\s*)?(?:[Cc]an|[Cc]ould|[Ww]ould|[Ww]ill) you(?: please)?\\s+(.+?)(?:,\\s*" + NAME + ")?\\s*[?.!]*$");
  private static final Pattern PLEASE = Pattern.compile("^" + NAME + ",\\s*please\\s+(.+?)[.!]*$");
  private static final Pattern ASSIGNMENT = Pattern.compile(
      "^" + NAME + " (?:will|is going to|'s going to|is gonna) (.+)$");
  private static final Pattern LEADING = Pattern.compile(
      "^(?:(?:um|uh|so|okay|ok|alright|and|yeah|well)[,]?\\s+)+", Pattern.CASE_INSENSITIVE);
  private static final Pattern FILLER_ADVERBS = Pattern.compile(
      "^(?:(?:go ahead and|just|also|quickly|definitely|certainly|try to|make sure to|be sure to|then|happily)\\s+)+",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

  private ActionItemDetector() {}

  /** Every commitment in {@code text}, sentence by sentence. */
  public static List<ActionItemCandidate> detect(String text) {
    List<ActionItemCandidate> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String sentence : SENTENCE_END.split(text.strip())) {
      ActionItemCandidate c = detectSentence(sentence.strip());
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  static ActionItemCandidate detectSentence(String original) {
    String s = original.replace('’', '\'').replaceAll("\\s+", " ").strip();
    Matcher m = EXPLICIT.matcher(s);
    if (m.matches()) {
      return explicit(original, m.group(1));
    }
    s = stripAcknowledgement(LEADING.matcher(s).replaceFirst(""));
    boolean question = s.endsWith("?");

    m = SELF.matcher(s);
    if (m.matches() && !question) {
      boolean letMe = s.toLowerCase(Locale.ROOT).startsWith("let me");
      boolean modalCan = s.matches("(?i)^I (?:can|could)\\b.*");
      String rest = FILLER_ADVERBS.matcher(m.group(1)).replaceFirst("");
      return task(original, rest, null, true, "self", letMe ? LET_ME_VERBS : TASK_VERBS, modalCan);
    }
    m = REQUEST.matcher(s);
    if (m.matches()) {
      String name = name(m.group(1)) != null ? name(m.group(1)) : name(m.group(3));
      return task(original, FILLER_ADVERBS.matcher(m.group(2)).replaceFirst(""), name, false, "request",
          TASK_VERBS, false);
    }
    m = PLEASE.matcher(s);
    if (m.matches() && name(m.group(1)) != null) {
      return task(original, m.group(2), name(m.group(1)), false, "request", TASK_VERBS, false);
    }
    m = ASSIGNMENT.matcher(s);
    if (m.matches() && !question && name(m.group(1)) != null) {
      return task(original, FILLER_ADVERBS.matcher(m.group(2)).replaceFirst(""), name(m.group(1)), false,
          "assignment", TASK_VERBS, false);
    }
    return null;
  }

  private static ActionItemCandidate explicit(String original, String rest) {
    String r = rest.strip();
    Matcher self = SELF.matcher(r);
    if (self.matches()) {
      return withDue(original, FILLER_ADVERBS.matcher(self.group(1)).replaceFirst(""), null, true, "explicit");
    }
    Matcher owner = OWNER_TO.matcher(r);
    if (owner.matches() && name(owner.group(1)) != null) {
      String name = owner.group(2) == null ? owner.group(1) : owner.group(1) + " and " + owner.group(2);
      return withDue(original, owner.group(3), name, false, "explicit");
    }
    return withDue(original, r, null, false, "explicit");
  }

  /** A candidate when the task starts with an accepted verb and is not done on the spot. */
  private static ActionItemCandidate task(String original, String rest, String owner, boolean self, String rule,
      Set<String> verbs, boolean modalCan) {
    String r = rest.strip();
    String first = r.split("[ ,.?!]", 2)[0].toLowerCase(Locale.ROOT);
    if (!verbs.contains(first) || ON_THE_SPOT.matcher(r).find()) {
      return null;
    }
    if (first.equals("have") && !r.matches("(?i)^have .+ (?:ready|done|finished|drafted|out|sorted|wrapped up)\\b.*")) {
      return null; // "I'll have a look" is fine below; "I can have coffee" is not a task
    }
    if (first.equals("let") && !r.matches("(?i)^let (?:you|\\w+|everyone|the team) know\\b.*")) {
      return null;
    }
    if ((first.equals("do") || first.equals("work") || first.equals("come")) && !modalCan && r.split(" ").length < 3) {
      return null; // "I'll do it" says nothing about what
    }
    if (modalCan && (first.equals("do") || first.equals("get") || first.equals("come"))) {
      return null;
    }
    return withDue(original, r, owner, self, rule);
  }

  private static ActionItemCandidate withDue(String original, String rest, String owner, boolean self, String rule) {
    String r = rest.strip().replaceAll("[?.!]+$", "").strip();
    String due = null;
    Matcher m = DuePhrases.find(r);
    if (m != null) {
      due = m.group();
      r = (r.substring(0, m.start()) + r.substring(m.end())).replaceAll("\\s+", " ").strip();
    }
    r = r.replaceAll("(?i)^(?:take the action to|take an action to)\\s+", "")
        .replaceAll("(?i)[ ,]+(?:for|on|by|before|until|in|at|and|please)$", "")
        .replaceAll("[ ,;:]+$", "").strip();
    if (r.isEmpty()) {
      return null;
    }
    return new ActionItemCandidate(original, r, owner, self, due, rule);
  }

  /** Drops "Sure, " / "Yes, no problem, " before a commitment: short, made of acknowledgement words only. */
  private static String stripAcknowledgement(String s) {
    int comma = s.indexOf(", ");
    if (comma > 0) {
      String head = s.substring(0, comma).toLowerCase(Locale.ROOT);
      String[] words = head.split(" ");
      boolean ack = words.length <= 4;
      for (String w : words) {
        ack &= ACKS.contains(w);
      }
      if (ack) {
        return stripAcknowledgement(s.substring(comma + 2));
      }
    }
    return s;
  }

  private static String name(String candidate) {
    if (candidate == null) {
      return null;
    }
    String first = candidate.split(" ")[0].toLowerCase(Locale.ROOT);
    return NOT_NAMES.contains(first) ? null : candidate;
  }
}
