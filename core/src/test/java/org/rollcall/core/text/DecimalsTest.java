package org.rollcall.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalsTest {
  @ParameterizedTest
  @ValueSource(
      doubles = {
        0,
        -0.0,
        0.05,
        0.15,
        0.25,
        0.35,
        1.45,
        2.675,
        99.95,
        99.949999,
        100,
        1e7 + 0.05,
        -0.04,
        -0.05,
        -1.25,
        123456789.125,
        1e-320,
        Double.MIN_VALUE,
        Double.MAX_VALUE,
        Double.NaN,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY
      })
  void writesWhatTheFormatterWrites(double value) {
    for (int places = 0; places <= 3; places++) {
      assertThat(Decimals.fixed(value, places))
          .as("%s with %d places", value, places)
          .isEqualTo(String.format(Locale.ROOT, "%." + places + "f", value));
    }
  }

  /**
   * Percentages, seconds and uptimes as cpu.monitor meets them, and doubles from every exponent.
   */
  @Test
  void agreesWithTheFormatterOnRandomValues() {
    Random random = new Random(20261201);
    for (int i = 0; i < 300_000; i++) {
      double value =
          switch (i % 3) {
            case 0 -> random.nextInt(1_000_000) / 1000.0;
            case 1 -> random.nextDouble() * 10_000;
            default -> Double.longBitsToDouble(random.nextLong());
          };
      if (!Double.isFinite(value)) {
        continue;
      }
      int places = i % 4;
      assertThat(Decimals.fixed(value, places))
          .as("%s with %d places", value, places)
          .isEqualTo(String.format(Locale.ROOT, "%." + places + "f", value));
    }
  }
}
