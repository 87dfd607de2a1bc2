package org.rollcall.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RangeTest {
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1-   | at least 1      | 1:   | 0=alert 1=ok 99=ok",
        "-5   | at most 5       | 5    | 0=ok 5=ok 6=alert",
        "1-1  | exactly 1       | 1:1  | 0=alert 1=ok 2=alert",
        "2-4  | between 2 and 4 | 2:4  | 1=alert 2=ok 4=ok 5=alert",
        "0-0  | none            | 0    | 0=ok 1=alert",
        "0-   | at least 0      | 0:   | 0=ok 7=ok",
      })
  void parsesEtbemonRanges(String text, String words, String nagios, String cases) {
    Range range = Range.parseEtbemon(text.trim());
    assertThat(range.describe()).isEqualTo(words.trim());
    assertThat(range.toNagios()).isEqualTo(nagios.trim());
    assertThat(Range.parseNagios(range.toNagios())).isEqualTo(range);
    assertCases(range, cases);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "10     | -1=alert 0=ok 10=ok 11=alert",
        "10:    | 9.9=alert 10=ok 1e9=ok",
        "~:10   | -1e9=ok 10=ok 10.5=alert",
        "10:20  | 9=alert 10=ok 20=ok 21=alert",
        "@10:20 | 9=ok 10=alert 20=alert 21=ok",
        "0.5:1.5 | 0.4=alert 1=ok 1.6=alert",
        "-10:-5 | -11=alert -7=ok -4=alert",
      })
  void parsesNagiosRanges(String text, String cases) {
    Range range = Range.parseNagios(text.trim());
    assertThat(range.toNagios()).isEqualTo(text.trim());
    assertCases(range, cases);
  }

  /** {@code cases} is "value=ok value=alert ...". */
  private static void assertCases(Range range, String cases) {
    for (String c : cases.trim().split(" ")) {
      String[] valueAndVerdict = c.split("=");
      assertThat(range.alerts(Double.parseDouble(valueAndVerdict[0])))
          .as("%s with %s", range, valueAndVerdict[0])
          .isEqualTo(valueAndVerdict[1].equals("alert"));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-",
        "1",
        "a-b",
        "1-2-3",
        "5-1",
        "1 - 2",
        "9999999999-",
        "+1-",
        "1-+2",
        "١-",
        "1.0-2"
      })
  void rejectsBadEtbemonRanges(String text) {
    assertThatThrownBy(() -> Range.parseEtbemon(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "@", ":", "~", "abc", "20:10", "1:2:3", "@~"})
  void rejectsBadNagiosRanges(String text) {
    assertThatThrownBy(() -> Range.parseNagios(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decidesIntervalsOfPossibleCounts() {
    Range atLeastOne = Range.parseEtbemon("1-");
    assertThat(atLeastOne.acceptsAll(1, Double.POSITIVE_INFINITY)).isTrue();
    assertThat(atLeastOne.acceptsAll(0, 3)).isFalse();
    assertThat(atLeastOne.alertsAll(0, 3)).isFalse();
    assertThat(atLeastOne.alertsAll(0, 0)).isTrue();
    Range none = Range.parseEtbemon("0-0");
    assertThat(none.alertsAll(1, Double.POSITIVE_INFINITY)).isTrue();
    assertThat(none.acceptsAll(0, 2)).isFalse();
    Range inside = Range.parseNagios("@10:20");
    assertThat(inside.acceptsAll(0, 9)).isTrue();
    assertThat(inside.alertsAll(12, 15)).isTrue();
    assertThat(inside.acceptsAll(5, 15)).isFalse();
    assertThat(inside.alertsAll(5, 15)).isFalse();
  }

  // Found by RangeFuzzTest: "-0" equalled "0" with another hash code.
  @Test
  void minusZeroIsZero() {
    assertThat(Range.parseNagios("-0")).isEqualTo(Range.parseNagios("0"));
    assertThat(Range.parseNagios("-0").hashCode()).isEqualTo(Range.parseNagios("0").hashCode());
    assertThat(Range.parseNagios("-0:").toNagios()).isEqualTo("0:");
  }

  @Test
  void refusesABoundTooLargeForADoubleInsteadOfReadingNoBound() {
    String huge = "1" + "0".repeat(400);
    assertThatThrownBy(() -> Range.parseNagios(huge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bound '" + huge + "' in '" + huge + "' is too large");
    assertThatThrownBy(() -> Range.parseNagios("-" + huge + ":"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsACountWithLeadingZeros() {
    assertThat(Range.parseEtbemon("0000000001-00000000000000000005"))
        .isEqualTo(Range.between(1, 5));
  }
}
