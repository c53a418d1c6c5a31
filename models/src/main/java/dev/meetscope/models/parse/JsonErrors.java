package dev.meetscope.models.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;

/** Human text for a Jackson failure: the parser's own message and where it stopped. */
public final class JsonErrors {
  private JsonErrors() {}

  public static String describe(IOException e) {
    if (e instanceof JsonProcessingException j) {
      JsonLocation at = j.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      return j.getOriginalMessage() + where;
    }
    return String.valueOf(e.getMessage());
  }
}
