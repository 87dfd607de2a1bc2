package org.rollcall.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link Range#parseNagios}, read by hand, against the regular expression it replaced: every text
 * of up to five characters from an alphabet of every character the syntax uses (and a few it does
 * not) gets the same range, or the same refusal with the same message.
 */
class NagiosRangeSyntaxTest {
  private static final Pattern REFERENCE =
      Pattern.compile("(@)?(?:(~|[-+]?\\d+(?:\\.\\d+)?)?:)?([-+]?\\d+(?:\\.\\d+)?)?");
  private static final String ALPHABET = "@~:-+.09a ١";

  @Test
  void readsEveryShortTextAsTheRegularExpressionDid() {
    List<String> texts = new ArrayList<>(List.of(""));
    int checked = 0;
    for (int length = 0; length <= 5; length++) {
      List<String> longer = new ArrayList<>();
      for (String text : texts) {
        assertThat(outcome(text, Range::parseNagios)).as("'%s'", text).isEqualTo(reference(text));
        checked++;
        for (int i = 0; i < ALPHABET.length() && length < 5; i++) {
          longer.add(text + ALPHABET.charAt(i));
        }
      }
      texts = longer;
    }
    assertThat(checked).isGreaterThan(177_000);
  }

  @Test
  void readsLongNumbersAndRefusesHugeOnesAlike() {
    String huge = "1" + "0".repeat(400);
    for (String text :
        new String[] {
          huge,
          "-" + huge + ":",
          "@" + huge + ":" + huge,
          "12345.678:99999999.5",
          "+7:+8",
          "~:-0",
          "@-1.5:+2.25",
          "@~:-0.5",
          "-10:-5",
          "1.5.:2",
          "10:20:"
        }) {
      assertThat(outcome(text, Range::parseNagios)).as(text).isEqualTo(reference(text));
    }
  }

  private interface Parser {
    Range parse(String text);
  }

  /** The range {@code parser} reads, or the message it refuses with. */
  private static String outcome(String text, Parser parser) {
    try {
      Range range = parser.parse(text);
      return range.start() + " " + range.end() + " " + range.inverted();
    } catch (IllegalArgumentException e) {
      return "refused: " + e.getMessage();
    }
  }

  /** The former parser, word for word, with the outcome written as {@link #outcome} writes it. */
  private static String reference(String text) {
    try {
      Matcher m = REFERENCE.matcher(text);
      if (text.isEmpty() || !m.matches() || (m.group(2) == null && m.group(3) == null)) {
        throw new IllegalArgumentException(
            "'" + text + "' is not a Nagios range (like 10, 10:, ~:10, 10:20, @10:20)");
      }
      String low = m.group(2);
      double start =
          low == null ? 0 : low.equals("~") ? Double.NEGATIVE_INFINITY : bound(low, text);
      double end = m.group(3) == null ? Double.POSITIVE_INFINITY : bound(m.group(3), text);
      Range outside = Range.between(start, end);
      return outside.start() + " " + outside.end() + " " + (m.group(1) != null);
    } catch (IllegalArgumentException e) {
      return "refused: " + e.getMessage();
    }
  }

  private static double bound(String number, String text) {
    double value = Double.parseDouble(number);
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException("bound '" + number + "' in '" + text + "' is too large");
    }
    return value;
  }
}
