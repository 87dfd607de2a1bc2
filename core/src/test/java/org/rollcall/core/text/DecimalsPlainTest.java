package org.rollcall.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecimalsPlainTest {
  @ParameterizedTest
  @CsvSource({
    "0.000123, 0.000123",
    "2.0, 2",
    "1.5, 1.5",
    "0.0000001, 0.0000001",
    "-3, -3",
    "1e-9, 0.000000001"
  })
  void numbersNeverUseExponents(double value, String text) {
    assertThat(Decimals.plain(value)).isEqualTo(text);
  }
}
