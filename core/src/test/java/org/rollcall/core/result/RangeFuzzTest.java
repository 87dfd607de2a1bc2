package org.rollcall.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fuzzes both range syntaxes against reference readings. A parser throws only IllegalArgumentException; a range
 * it accepts has exactly the bounds written (a number written is never read as infinite), survives a round trip
 * through its Nagios form, and equal ranges have equal hash codes.
 */
class RangeFuzzTest {
  private static final Pattern ETBEMON = Pattern.compile("([0-9]*)-([0-9]*)");
  private static final Pattern NAGIOS =
      Pattern.compile("(@)?(?:(~|[-+]?[0-9]+(?:\\.[0-9]+)?)?:)?([-+]?[0-9]+(?:\\.[0-9]+)?)?");
  private static final BigInteger MAX_COUNT = BigInteger.valueOf(999_999_999);

  @FuzzTest(maxDuration = "10s")
  void parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    checkEtbemon(text);
    checkNagios(text);
  }

  private static void checkEtbemon(String text) {
    Matcher m = ETBEMON.matcher(text);
    boolean wellFormed = m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty());
    double min = 0;
    double max = Double.POSITIVE_INFINITY;
    if (wellFormed) {
      BigInteger low = m.group(1).isEmpty() ? BigInteger.ZERO : new BigInteger(m.group(1));
      BigInteger high = m.group(2).isEmpty() ? null : new BigInteger(m.group(2));
      wellFormed = low.compareTo(MAX_COUNT) <= 0 && (high == null || (high.compareTo(MAX_COUNT) <= 0
          && low.compareTo(high) <= 0));
      min = low.doubleValue();
      max = high == null ? max : high.doubleValue();
    }
    Range range;
    try {
      range = Range.parseEtbemon(text);
    } catch (IllegalArgumentException e) {
      assertThat(wellFormed).as("rejected '%s': %s", text, e.getMessage()).isFalse();
      return;
    }
    assertThat(wellFormed).as("accepted '%s'", text).isTrue();
    assertThat(range.start()).isEqualTo(min);
    assertThat(range.end()).isEqualTo(max);
    checkRoundTrip(range);
  }

  private static void checkNagios(String text) {
    Matcher m = NAGIOS.matcher(text);
    boolean wellFormed = !text.isEmpty() && m.matches() && (m.group(2) != null || m.group(3) != null);
    double start = 0;
    double end = Double.POSITIVE_INFINITY;
    if (wellFormed) {
      String low = m.group(2);
      start = low == null ? 0 : low.equals("~") ? Double.NEGATIVE_INFINITY : finite(low);
      end = m.group(3) == null ? end : finite(m.group(3));
      wellFormed = !Double.isNaN(start) && !Double.isNaN(end) && start <= end;
    }
    Range range;
    try {
      range = Range.parseNagios(text);
    } catch (IllegalArgumentException e) {
      assertThat(wellFormed).as("rejected '%s': %s", text, e.getMessage()).isFalse();
      return;
    }
    assertThat(wellFormed).as("accepted '%s'", text).isTrue();
    assertThat(range.start()).isEqualTo(start);
    assertThat(range.end()).isEqualTo(end);
    checkRoundTrip(range);
  }

  /** The number's value, or NaN when it is too large for a double (it must be refused, not read as infinite). */
  private static double finite(String number) {
    double value = new BigDecimal(number).doubleValue();
    return Double.isInfinite(value) ? Double.NaN : value;
  }

  private static void checkRoundTrip(Range range) {
    assertThat(range.describe()).isNotEmpty();
    Range again = Range.parseNagios(range.toNagios());
    assertThat(again).isEqualTo(range);
    assertThat(again.hashCode()).isEqualTo(range.hashCode());
  }
}
