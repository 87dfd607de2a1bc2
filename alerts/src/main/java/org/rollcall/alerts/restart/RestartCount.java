package org.rollcall.alerts.restart;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The restarts a ledger's text holds within a window, or why the text is not a ledger: a line that
 * is not {@code EPOCH_SECONDS restart|limit|result TEXT} (TEXT escaped, so without controls), or
 * one dated more than a minute ahead of the clock, makes the whole count untrustworthy (read as "no
 * restart", never as zero restarts). The line is quoted as it is: every output that shows the
 * reason escapes it.
 *
 * @param problem why the text cannot be counted, or null
 */
record RestartCount(int restarts, Instant oldest, String problem) {
  private static final Pattern LINE =
      Pattern.compile("(\\d{1,12}) (restart|limit|result)( [^\\x00-\\x1f\\x7f]*)?");
  private static final Duration CLOCK_SLACK = Duration.ofMinutes(1);

  /**
   * @param text the ledger, or its last bytes
   * @param cut whether {@code text} starts part way through the file (its first line is then
   *     partial, and skipped)
   */
  static RestartCount of(String text, boolean cut, Instant now, Duration within) {
    String[] lines = text.split("\n", -1);
    if (!text.isEmpty() && !text.endsWith("\n")) {
      return broken("it does not end with a whole line");
    }
    long since = now.minus(within).getEpochSecond();
    long latest = now.plus(CLOCK_SLACK).getEpochSecond();
    int restarts = 0;
    Instant oldest = null;
    for (int i = cut ? 1 : 0; i < lines.length - 1; i++) {
      Matcher line = LINE.matcher(lines[i]);
      if (!line.matches()) {
        return broken("a line is not a ledger line: \"" + preview(lines[i]) + "\"");
      }
      long when = Long.parseLong(line.group(1));
      if (when > latest) {
        return broken(
            "a line is dated " + Instant.ofEpochSecond(when) + ", after the clock's " + now);
      }
      if (line.group(2).equals("restart") && when > since) {
        restarts++;
        oldest = oldest == null ? Instant.ofEpochSecond(when) : oldest;
      }
    }
    if (cut && lines.length < 3) {
      return broken("its last " + RestartLedger.TAIL_BYTES + " bytes hold no whole line");
    }
    return new RestartCount(restarts, oldest, null);
  }

  private static RestartCount broken(String why) {
    return new RestartCount(
        0,
        null,
        "it is not a restart ledger ("
            + why
            + "); no restart until a person repairs "
            + "or removes it");
  }

  private static String preview(String line) {
    return line.length() > 80 ? line.substring(0, 80) + "..." : line;
  }
}
