package dev.meetscope.models.analytics.conversation;

import dev.meetscope.models.analytics.AnalyticsSettings;
import dev.meetscope.models.analytics.chat.ChatItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Meeting-level conversation dynamics over the attributed transcript and threaded chat:
 *
 * <ul>
 *   <li>Answered questions: a spoken question (a cue) or chat question is answered when a turn starts, or
 *       a public chat message or reply is sent, by a different person after the question starts and at most
 *       {@code answerWindowSeconds} (60 s) after it ends; a chat question is also answered by a threaded
 *       reply from a different person at any time.
 *   <li>Crosstalk: time where cues of two or more people overlap ({@code overlap}), and bursts where
 *       {@code crosstalkInterruptions} (3) interruptions fall within {@code crosstalkWindowSeconds} (30 s),
 *       each burst spanning its first to its last interruption ({@code interruptions}). Overlapping or
 *       touching segments are merged; {@code crosstalk_seconds} is the length of their union.
 * </ul>
 */
public final class ConversationAnalyzer {
  private ConversationAnalyzer() {}

  private record AnswerEvent(long timeMs, String personKey) {}

  public static Conversation analyze(Alignment alignment, List<ChatItem> chats,
      AnalyticsSettings settings) {
    List<AnswerEvent> answers = new ArrayList<>();
    for (Turn t : alignment.turns()) {
      answers.add(new AnswerEvent(t.startMs(), t.personKey()));
    }
    for (ChatItem c : chats) {
      if (c.isPublicMessage()) {
        answers.add(new AnswerEvent(c.timeMs(), c.personKey()));
      }
    }
    answers.sort(Comparator.comparingLong(AnswerEvent::timeMs));
    long window = settings.answerWindowSeconds() * 1000;

    List<SpeechCue> cues = new ArrayList<>(alignment.cues().size());
    for (SpeechCue c : alignment.cues()) {
      cues.add(c.question()
          ? c.withAnswered(answeredBetween(answers, c.startMs(), c.endMs() + window, c.personKey()))
          : c);
    }
    boolean[] threadAnswered = new boolean[chats.size()];
    for (ChatItem c : chats) {
      if ("reply".equals(c.kind()) && c.parentIndex() >= 0 && !c.personKey().equals(c.parentPersonKey())) {
        threadAnswered[c.parentIndex()] = true;
      }
    }
    List<ChatItem> threaded = new ArrayList<>(chats.size());
    for (int i = 0; i < chats.size(); i++) {
      ChatItem c = chats.get(i);
      threaded.add(c.question()
          ? c.withAnswered(threadAnswered[i]
              || answeredBetween(answers, c.timeMs(), c.timeMs() + window, c.personKey()))
          : c);
    }
    return new Conversation(alignment, cues, threaded, crosstalk(alignment, settings));
  }

  /** An answer event by someone other than {@code asker} in {@code (fromMs, toMs]}. */
  private static boolean answeredBetween(List<AnswerEvent> answers, long fromMs, long toMs,
      String asker) {
    int lo = 0;
    int hi = answers.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (answers.get(mid).timeMs() <= fromMs) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (int i = lo; i < answers.size() && answers.get(i).timeMs() <= toMs; i++) {
      if (!answers.get(i).personKey().equals(asker)) {
        return true;
      }
    }
    return false;
  }

  static List<CrosstalkPiece> crosstalk(Alignment alignment, AnalyticsSettings settings) {
    List<CrosstalkPiece> pieces = new ArrayList<>(overlaps(alignment.cues()));
    pieces.addAll(bursts(alignment.turns(), settings));
    return merge(pieces);
  }

  /** Sweep over cue boundaries: stretches where two or more people have a cue running. */
  static List<CrosstalkPiece> overlaps(List<SpeechCue> cues) {
    List<long[]> bounds = new ArrayList<>();
    List<String> owners = new ArrayList<>();
    for (SpeechCue c : cues) {
      if (c.durationMs() <= 0) {
        continue;
      }
      bounds.add(new long[] {c.startMs(), 1, owners.size()});
      bounds.add(new long[] {c.endMs(), -1, owners.size()});
      owners.add(c.personKey());
    }
    // Ends before starts at the same instant: touching cues do not overlap.
    bounds.sort(Comparator.<long[]>comparingLong(b -> b[0]).thenComparingLong(b -> b[1]));
    Map<String, Integer> active = new HashMap<>();
    List<CrosstalkPiece> out = new ArrayList<>();
    for (int i = 0; i < bounds.size(); i++) {
      long[] b = bounds.get(i);
      active.merge(owners.get((int) b[2]), (int) b[1], Integer::sum);
      active.values().removeIf(v -> v <= 0);
      long next = i + 1 < bounds.size() ? bounds.get(i + 1)[0] : b[0];
      if (active.size() >= 2 && next > b[0]) {
        out.add(new CrosstalkPiece(b[0], next, new ArrayList<>(new TreeSet<>(active.keySet())),
            "overlap"));
      }
    }
    return out;
  }

  /** Windows where at least n interruptions fall within the burst window. */
  static List<CrosstalkPiece> bursts(List<Turn> turns, AnalyticsSettings settings) {
    List<Long> times = new ArrayList<>();
    List<Set<String>> people = new ArrayList<>();
    for (int i = 1; i < turns.size(); i++) {
      if (turns.get(i).interruption()) {
        times.add(turns.get(i).startMs());
        people.add(Set.of(turns.get(i).personKey(), turns.get(i - 1).personKey()));
      }
    }
    int n = Math.max(2, settings.crosstalkInterruptions());
    long window = settings.crosstalkWindowSeconds() * 1000;
    List<CrosstalkPiece> out = new ArrayList<>();
    for (int j = 0; j + n - 1 < times.size(); j++) {
      if (times.get(j + n - 1) - times.get(j) <= window) {
        Set<String> who = new TreeSet<>();
        for (int k = j; k < j + n; k++) {
          who.addAll(people.get(k));
        }
        out.add(new CrosstalkPiece(times.get(j), times.get(j + n - 1), new ArrayList<>(who),
            "interruptions"));
      }
    }
    return out;
  }

  /** Union of pieces: overlapping or touching pieces merge, speakers and kinds unite. */
  static List<CrosstalkPiece> merge(List<CrosstalkPiece> pieces) {
    List<CrosstalkPiece> sorted = new ArrayList<>(pieces);
    sorted.sort(Comparator.comparingLong(CrosstalkPiece::startMs));
    List<CrosstalkPiece> out = new ArrayList<>();
    long start = 0;
    long end = 0;
    Set<String> who = new TreeSet<>();
    Set<String> kinds = new TreeSet<>();
    boolean open = false;
    for (CrosstalkPiece p : sorted) {
      if (open && p.startMs() <= end) {
        end = Math.max(end, p.endMs());
      } else {
        if (open) {
          out.add(new CrosstalkPiece(start, end, new ArrayList<>(who), String.join("+", kinds)));
        }
        start = p.startMs();
        end = p.endMs();
        who = new TreeSet<>();
        kinds = new TreeSet<>();
        open = true;
      }
      who.addAll(p.speakers());
      kinds.add(p.kind());
    }
    if (open) {
      out.add(new CrosstalkPiece(start, end, new ArrayList<>(who), String.join("+", kinds)));
    }
    return out;
  }
}
