package dev.meetscope.models.parse.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes secrets and private text from anything a dead letter keeps (zoom-formats.md §4.1, §6 #50): the
 * {@code clientid} (app client id) and {@code authorization} (legacy verification token) header values,
 * and chat {@code message_content}, which Meetscope never stores.
 */
final class Redaction {
  static final String MARK = "[REDACTED]";
  private static final Set<String> KEYS = Set.of("clientid", "authorization", "message_content");
  /** {@code clientid: …} / {@code Authorization: …} header lines of an HTTP capture. */
  private static final Pattern HEADER_LINE =
      Pattern.compile("(?im)^([ \\t]*(?:clientid|authorization)[ \\t]*:).*$");
  /** {@code "clientid":"…"} and friends inside JSON text that could not be parsed. */
  private static final Pattern JSON_STRING = Pattern.compile(
      "(?i)(\"(?:clientid|authorization|message_content)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\"?)");

  private Redaction() {}

  static String text(String raw) {
    if (raw == null) {
      return null;
    }
    String s = HEADER_LINE.matcher(raw).replaceAll("$1 " + MARK);
    return JSON_STRING.matcher(s).replaceAll("$1" + MARK + "$2");
  }

  /** A copy of {@code node} with every redacted key's value replaced, at any depth. */
  static JsonNode node(JsonNode node) {
    if (node == null) {
      return null;
    }
    JsonNode copy = node.deepCopy();
    redactInPlace(copy);
    return copy;
  }

  private static void redactInPlace(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (KEYS.contains(name.toLowerCase(Locale.ROOT))) {
          object.set(name, TextNode.valueOf(MARK));
        } else {
          redactInPlace(object.get(name));
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(Redaction::redactInPlace);
    }
  }
}
