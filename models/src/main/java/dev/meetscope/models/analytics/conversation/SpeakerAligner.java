package dev.meetscope.models.analytics.conversation;

import dev.meetscope.models.analytics.AnalyticsSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns timed cues into attributed cues and speaker turns, and marks interruptions.
 *
 * <ul>
 *   <li>A speakerless cue continues the previous speaker of the same file; leading speakerless cues stay
 *       unattributed (counted in {@link Alignment#unattributedMs()}).
 *   <li>A cue without an end (local captions) ends at the next cue of its file or after 0.4 s per word
 *       (150 words per minute, at least 1 s), whichever comes first.
 *   <li>A turn is a maximal run of consecutive cues by one person; a silence longer than
 *       {@code maxTurnGapSeconds} between two of them starts a new turn.
 *   <li>Interruption (docs/metrics.md): at a change of speaker, the new turn starts before, or within
 *       {@code interruptionToleranceMs} after, the previous turn's end; the previous turn's last cue does
 *       not end a sentence; and neither turn is a backchannel (you cannot cut off a "mm-hmm", and a
 *       "mm-hmm" does not cut anyone off).
 * </ul>
 */
public final class SpeakerAligner {
  private static final long MS_PER_WORD = 400;
  private static final long MIN_ESTIMATE_MS = 1000;

  private SpeakerAligner() {}

  public static Alignment align(List<TimedCue> input, AnalyticsSettings settings) {
    List<TimedCue> cues = new ArrayList<>(input);
    cues.sort(Comparator.comparingLong(TimedCue::startMs)
        .thenComparing(TimedCue::sourceFile, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparingLong(TimedCue::sourceLine));

    Map<String, String> lastSpeakerByFile = new HashMap<>();
    Map<String, Integer> nextInFile = nextIndexInFile(cues);
    boolean estimated = false;
    long unattributed = 0;
    List<SpeechCue> attributed = new ArrayList<>();
    for (int i = 0; i < cues.size(); i++) {
      TimedCue c = cues.get(i);
      String file = String.valueOf(c.sourceFile());
      String person = c.personKey() != null ? c.personKey() : lastSpeakerByFile.get(file);
      int words = TextFeatures.words(c.text());
      long end;
      if (c.endMs() != null) {
        end = Math.max(c.startMs(), c.endMs());
      } else {
        estimated = true;
        long estimate = Math.max(MIN_ESTIMATE_MS, words * MS_PER_WORD);
        Integer next = nextInFile.get(i + ":" + file);
        long limit = next == null ? Long.MAX_VALUE : cues.get(next).startMs() - c.startMs();
        end = c.startMs() + Math.max(0, Math.min(estimate, limit));
      }
      if (person == null) {
        unattributed += end - c.startMs();
        continue;
      }
      lastSpeakerByFile.put(file, person);
      attributed.add(new SpeechCue(person, c.startMs(), end, c.text(), words,
          TextFeatures.isQuestion(c.text()), false, -1));
    }
    return buildTurns(attributed, unattributed, estimated, settings);
  }

  private static Map<String, Integer> nextIndexInFile(List<TimedCue> cues) {
    Map<String, Integer> next = new HashMap<>();
    Map<String, Integer> lastIndex = new HashMap<>();
    for (int i = 0; i < cues.size(); i++) {
      String file = String.valueOf(cues.get(i).sourceFile());
      Integer prev = lastIndex.put(file, i);
      if (prev != null) {
        next.put(prev + ":" + file, i);
      }
    }
    return next;
  }

  private static Alignment buildTurns(List<SpeechCue> cues, long unattributed, boolean estimated,
      AnalyticsSettings settings) {
    long maxGap = settings.maxTurnGapSeconds() * 1000;
    List<SpeechCue> withTurns = new ArrayList<>();
    List<Turn> turns = new ArrayList<>();
    List<SpeechCue> current = new ArrayList<>();
    long currentEnd = 0;
    for (SpeechCue c : cues) {
      if (!current.isEmpty()) {
        SpeechCue last = current.get(current.size() - 1);
        if (!last.personKey().equals(c.personKey()) || c.startMs() - currentEnd > maxGap) {
          turns.add(turnOf(current, settings));
          current = new ArrayList<>();
        }
      }
      currentEnd = current.isEmpty() ? c.endMs() : Math.max(currentEnd, c.endMs());
      current.add(c);
      withTurns.add(new SpeechCue(c.personKey(), c.startMs(), c.endMs(), c.text(), c.words(),
          c.question(), false, turns.size()));
    }
    if (!current.isEmpty()) {
      turns.add(turnOf(current, settings));
    }
    markInterruptions(turns, settings);
    return new Alignment(withTurns, turns, unattributed, estimated);
  }

  private static Turn turnOf(List<SpeechCue> cues, AnalyticsSettings settings) {
    long start = cues.get(0).startMs();
    long end = start;
    int words = 0;
    long talk = 0;
    StringBuilder text = new StringBuilder();
    for (SpeechCue c : cues) {
      end = Math.max(end, c.endMs());
      words += c.words();
      talk += c.durationMs();
      text.append(c.text() == null ? "" : c.text()).append(' ');
    }
    SpeechCue last = cues.get(cues.size() - 1);
    return new Turn(last.personKey(), start, end, cues.size(), words, talk,
        TextFeatures.endsSentence(last.text()),
        TextFeatures.isBackchannel(text.toString(), settings.backchannelMaxWords()), false, false);
  }

  private static void markInterruptions(List<Turn> turns, AnalyticsSettings settings) {
    for (int i = 1; i < turns.size(); i++) {
      Turn prev = turns.get(i - 1);
      Turn cur = turns.get(i);
      boolean cut = !prev.personKey().equals(cur.personKey())
          && cur.startMs() <= prev.endMs() + settings.interruptionToleranceMs()
          && !prev.lastCueEndsSentence()
          && !prev.backchannel()
          && !cur.backchannel();
      if (cut) {
        turns.set(i - 1, prev.withInterruption(prev.interruption(), true));
        turns.set(i, cur.withInterruption(true, cur.interrupted()));
      }
    }
  }
}
