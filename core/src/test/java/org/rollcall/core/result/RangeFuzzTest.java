package org.rollcall.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fuzzes both range syntaxes against reference readings. A parser throws only
 * IllegalArgumentException; a range it accepts has exactly the bounds written (a number written is
 * never read as infinite), survives a round trip through its Nagios form, and equal ranges have
 * equal hash codes.
 */
class RangeFuzzTest {
  private static final Pattern ETBEMON = Pattern.compile("([0-9]*)-([0-9]*)");
  private static final Pattern NAGIOS =
      Pattern.compile("(@)?(?:(~|[-+]?[0-9]+(?:\\.[0-9]+)?)?:)?([-+]?[0-9]+(?:\\.[0-9]+)?)?");
  private static final BigInteger MAX_COUNT = BigInteger.valueOf(999_999_999);

  @FuzzTest(maxDuration = "10s")
  void parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    check(text, referenceEtbemon(text), Range::parseEtbemon);
    check(text, referenceNagios(text), Range::parseNagios);
  }

  /**
   * {@code parser} refuses {@code text} when the reference does ({@code bounds} null), else reads
   * those bounds.
   */
  private static void check(String text, double[] bounds, Function<String, Range> parser) {
    Range range;
    try {
      range = parser.apply(text);
    } catch (IllegalArgumentException e) {
      assertThat(bounds).as("rejected '%s': %s", text, e.getMessage()).isNull();
      return;
    }
    assertThat(bounds).as("accepted '%s'", text).isNotNull();
    assertThat(range.start()).isEqualTo(bounds[0]);
    assertThat(range.end()).isEqualTo(bounds[1]);
    assertThat(range.describe()).isNotEmpty();
    Range again = Range.parseNagios(range.toNagios());
    assertThat(again).isEqualTo(range);
    assertThat(again.hashCode()).isEqualTo(range.hashCode());
  }

  /** {start, end} of an etbemon range, or null when it is malformed. */
  private static double[] referenceEtbemon(String text) {
    Matcher m = ETBEMON.matcher(text);
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return null;
    }
    BigInteger low = m.group(1).isEmpty() ? BigInteger.ZERO : new BigInteger(m.group(1));
    BigInteger high = m.group(2).isEmpty() ? null : new BigInteger(m.group(2));
    if (low.compareTo(MAX_COUNT) > 0
        || (high != null && (high.compareTo(MAX_COUNT) > 0 || low.compareTo(high) > 0))) {
      return null;
    }
    return new double[] {
      low.doubleValue(), high == null ? Double.POSITIVE_INFINITY : high.doubleValue()
    };
  }

  /** {start, end} of a Nagios range, or null when it is malformed. */
  private static double[] referenceNagios(String text) {
    Matcher m = NAGIOS.matcher(text);
    if (text.isEmpty() || !m.matches() || (m.group(2) == null && m.group(3) == null)) {
      return null;
    }
    String low = m.group(2);
    double start = low == null ? 0 : low.equals("~") ? Double.NEGATIVE_INFINITY : finite(low);
    double end = m.group(3) == null ? Double.POSITIVE_INFINITY : finite(m.group(3));
    return Double.isNaN(start) || Double.isNaN(end) || start > end
        ? null
        : new double[] {start, end};
  }

  /**
   * The number's value, or NaN when it is too large for a double (it must be refused, not read as
   * infinite).
   */
  private static double finite(String number) {
    double value = new BigDecimal(number).doubleValue();
    return Double.isInfinite(value) ? Double.NaN : value;
  }
}
