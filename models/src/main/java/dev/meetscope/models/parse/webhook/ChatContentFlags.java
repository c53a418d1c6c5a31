package dev.meetscope.models.parse.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meetscope.models.analytics.conversation.TextFeatures;
import java.util.List;
import java.util.Locale;

/**
 * What a {@code meeting.chat_message_sent} event says about its message without keeping the text (Meetscope
 * never stores webhook chat text): whether it was private, and for public messages whether it is a question
 * (docs/metrics.md rule) or a message of emoji only, the one reaction signal webhooks carry
 * (zoom-formats.md §4.3: there is no reaction webhook). Private messages are never looked into.
 */
final class ChatContentFlags {
  static final String PRIVATE = "chat_private";
  static final String QUESTION = "chat_question";
  static final String EMOJI_ONLY = "chat_emoji_only";

  private ChatContentFlags() {}

  static void add(JsonNode chatMessage, List<String> flags) {
    if (isPrivate(chatMessage)) {
      flags.add(PRIVATE);
      return;
    }
    String text = EventMapper.text(chatMessage, "message_content");
    if (text == null) {
      return;
    }
    if (TextFeatures.isQuestion(text)) {
      flags.add(QUESTION);
    } else if (emojiOnly(text)) {
      flags.add(EMOJI_ONLY);
    }
  }

  /** Sent to someone rather than everyone: {@code recipient_type} other than everyone, or a named recipient. */
  static boolean isPrivate(JsonNode chatMessage) {
    String type = EventMapper.text(chatMessage, "recipient_type");
    if (type != null) {
      return !type.toLowerCase(Locale.ROOT).equals("everyone");
    }
    return EventMapper.text(chatMessage, "recipient_session_id") != null
        || EventMapper.text(chatMessage, "recipient_email") != null;
  }

  /**
   * At least one pictograph and nothing but pictographs, skin-tone modifiers, joiners, variation selectors,
   * keycaps and spaces: {@code 👏}, {@code 👍🏻 👍🏻}, {@code ❤️}.
   */
  static boolean emojiOnly(String text) {
    boolean symbol = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.OTHER_SYMBOL) {
        symbol = true;
      } else if (!(Character.isWhitespace(cp) || type == Character.MODIFIER_SYMBOL
          || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
          || cp == 0x200D || cp == 0xFE0F)) {
        return false;
      }
    }
    return symbol;
  }
}
