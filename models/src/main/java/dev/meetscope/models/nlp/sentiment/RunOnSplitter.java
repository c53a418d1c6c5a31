package dev.meetscope.models.nlp.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits long run-on transcript sentences before parsing (docs/nlp.md, "Run-on sentences"). Speech
 * transcripts chain clauses with "and", "so", fillers and commas into sentences of 60 tokens and more; the
 * PCFG's cost grows towards cubic with length and CoreNLP's {@code parse.maxlen} would replace such a
 * sentence by a flat tree whose sentiment means nothing. So a sentence longer than {@code maxTokens} is cut
 * at its strongest boundary nearest the middle, recursively, until every piece fits:
 *
 * <ol>
 *   <li>strongest: after {@code ;}, {@code :}, a dash or an ellipsis;
 *   <li>after a comma that is followed by a connective or filler ("…, and", "…, um");
 *   <li>before a filler ("um", "uh") or a connective ("and", "but", "so", "because", "then", "or"), or
 *       after any other comma.
 * </ol>
 *
 * Each piece keeps at least {@link #MIN_PIECE} tokens. A piece with no boundary left stays whole while it fits
 * {@code hardMax} (the parser's cap), else it is cut into equal chunks of at most {@code hardMax} tokens.
 */
public final class RunOnSplitter {
  public static final int MIN_PIECE = 3;
  private static final Set<String> CONNECTIVES = Set.of("and", "but", "so", "because", "cause", "then", "or",
      "plus", "anyway", "also", "which");
  private static final Set<String> FILLERS = Set.of("um", "uh", "erm", "er", "uhm", "hmm", "mm");
  private static final Set<String> STRONG = Set.of(";", ":", "--", "-", "—", "–", "...", "…");

  private RunOnSplitter() {}

  /** The pieces as [start, end) token ranges covering {@code tokens} in order. */
  public static List<int[]> split(List<String> tokens, int maxTokens, int hardMax) {
    List<int[]> out = new ArrayList<>();
    split(tokens, 0, tokens.size(), maxTokens, hardMax, out);
    return out;
  }

  private static void split(List<String> tokens, int from, int to, int maxTokens, int hardMax, List<int[]> out) {
    int n = to - from;
    if (n <= maxTokens) {
      out.add(new int[] {from, to});
      return;
    }
    int best = -1;
    int bestStrength = 0;
    int bestDistance = Integer.MAX_VALUE;
    int middle = from + n / 2;
    for (int cut = from + MIN_PIECE; cut <= to - MIN_PIECE; cut++) {
      int strength = strength(tokens, cut);
      if (strength == 0) {
        continue;
      }
      int distance = Math.abs(cut - middle);
      if (strength > bestStrength || (strength == bestStrength && distance < bestDistance)) {
        best = cut;
        bestStrength = strength;
        bestDistance = distance;
      }
    }
    if (best < 0) {
      if (n <= hardMax) {
        out.add(new int[] {from, to});
      } else {
        int chunks = (n + hardMax - 1) / hardMax;
        for (int c = 0; c < chunks; c++) {
          out.add(new int[] {from + (int) ((long) n * c / chunks), from + (int) ((long) n * (c + 1) / chunks)});
        }
      }
      return;
    }
    split(tokens, from, best, maxTokens, hardMax, out);
    split(tokens, best, to, maxTokens, hardMax, out);
  }

  /** How good a boundary is between token {@code cut - 1} and token {@code cut}; 0 = none. */
  static int strength(List<String> tokens, int cut) {
    String before = tokens.get(cut - 1);
    String after = tokens.get(cut).toLowerCase(Locale.ROOT);
    if (STRONG.contains(before)) {
      return 3;
    }
    boolean softWord = CONNECTIVES.contains(after) || FILLERS.contains(after);
    if (before.equals(",")) {
      return softWord ? 2 : 1;
    }
    return softWord ? 1 : 0;
  }
}
