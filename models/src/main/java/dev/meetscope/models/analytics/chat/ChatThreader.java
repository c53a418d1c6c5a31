package dev.meetscope.models.analytics.chat;

import dev.meetscope.models.analytics.AnalyticsSettings;
import dev.meetscope.models.analytics.conversation.TextFeatures;
import dev.meetscope.models.record.ChatKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Re-attaches replies and reactions to their parent message and marks chat questions.
 *
 * <p>Zoom flattens threads: {@code Replying to "<snippet>"} and {@code Reacted to "<snippet>" with 👍},
 * where the snippet is the parent's first 17–20 characters plus {@code ...} or {@code …}. The parent is the
 * <em>most recent</em> earlier public message or reply whose text starts with the snippet (ellipsis and
 * quotes removed, whitespace collapsed; exact case first, then ignoring case), looking back at most
 * {@code chatLookbackSeconds} (default 60 min) and {@code chatLookbackMessages} (default 500) messages.
 * No parent → {@code parentIndex = -1}, flag {@code parent_unresolved}. Private messages are never parents
 * and never threaded (their text is null anyway).
 */
public final class ChatThreader {
  private ChatThreader() {}

  public static List<ChatItem> thread(List<TimedChat> input, AnalyticsSettings settings) {
    List<TimedChat> chats = new ArrayList<>(input);
    chats.sort(Comparator.comparingLong(TimedChat::timeMs)
        .thenComparing(TimedChat::sourceFile, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparingLong(TimedChat::sourceLine));
    List<ChatItem> items = new ArrayList<>(chats.size());
    List<Integer> messageIndexes = new ArrayList<>();
    int[] netReactions = new int[chats.size()];
    for (int i = 0; i < chats.size(); i++) {
      TimedChat c = chats.get(i);
      boolean message = !c.isPrivate()
          && (ChatKind.MESSAGE.equals(c.kind()) || ChatKind.REPLY.equals(c.kind()));
      boolean threaded = !c.isPrivate() && (ChatKind.REPLY.equals(c.kind())
          || ChatKind.REACTION.equals(c.kind()) || ChatKind.REACTION_REMOVED.equals(c.kind()));
      int parent = -1;
      List<String> flags = new ArrayList<>();
      if (threaded) {
        parent = findParent(chats, messageIndexes, c, settings);
        if (parent < 0) {
          flags.add("parent_unresolved");
        } else if (!chats.get(parent).personKey().equals(c.personKey())) {
          if (ChatKind.REACTION.equals(c.kind())) {
            netReactions[parent]++;
          } else if (ChatKind.REACTION_REMOVED.equals(c.kind())) {
            netReactions[parent] = Math.max(0, netReactions[parent] - 1);
          }
        }
      }
      boolean question = message && TextFeatures.isQuestion(c.text());
      items.add(new ChatItem(c.personKey(), c.timeMs(), c.kind(), c.isPrivate(), c.text(), question,
          parent, parent < 0 ? null : chats.get(parent).personKey(), false, 0, flags));
      if (message) {
        messageIndexes.add(i);
      }
    }
    for (int i = 0; i < items.size(); i++) {
      if (netReactions[i] > 0) {
        items.set(i, items.get(i).withReactionsReceived(netReactions[i]));
      }
    }
    return items;
  }

  private static int findParent(List<TimedChat> chats, List<Integer> messageIndexes, TimedChat child,
      AnalyticsSettings settings) {
    String snippet = cleanSnippet(child.targetSnippet());
    if (snippet.isEmpty()) {
      return -1;
    }
    long oldest = child.timeMs() - settings.chatLookbackSeconds() * 1000;
    int looked = 0;
    int caseInsensitive = -1;
    String lowerSnippet = snippet.toLowerCase(Locale.ROOT);
    for (int k = messageIndexes.size() - 1; k >= 0 && looked < settings.chatLookbackMessages(); k--) {
      int idx = messageIndexes.get(k);
      TimedChat candidate = chats.get(idx);
      if (candidate.timeMs() < oldest) {
        break;
      }
      looked++;
      String text = collapse(candidate.text());
      if (text.startsWith(snippet)) {
        return idx;
      }
      if (caseInsensitive < 0 && text.toLowerCase(Locale.ROOT).startsWith(lowerSnippet)) {
        caseInsensitive = idx;
      }
    }
    return caseInsensitive;
  }

  static String cleanSnippet(String snippet) {
    if (snippet == null) {
      return "";
    }
    String s = collapse(snippet);
    if (s.length() >= 2 && (s.startsWith("\"") || s.startsWith("“")) && (s.endsWith("\"") || s.endsWith("”"))) {
      s = s.substring(1, s.length() - 1).strip();
    }
    while (s.endsWith("...") || s.endsWith("…")) {
      s = s.endsWith("…") ? s.substring(0, s.length() - 1) : s.substring(0, s.length() - 3);
      s = s.strip();
    }
    return s;
  }

  private static String collapse(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").strip();
  }
}
