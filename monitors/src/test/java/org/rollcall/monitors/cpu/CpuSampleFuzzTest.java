package org.rollcall.monitors.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the reading of cpu.monitor's state file, which any corruption may have left: it is refused
 * with an IllegalArgumentException (CpuStateFile turns that into a note and replaces the file), or
 * it is a sample that cannot bend a measurement: a finite uptime not below zero, counts not below
 * zero, and it reads back the same once written again.
 */
class CpuSampleFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void parse(byte[] bytes) {
    CpuSample sample;
    try {
      sample = CpuSample.parse(new String(bytes, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    assertThat(sample.uptime()).isFinite().isGreaterThanOrEqualTo(0);
    sample
        .ticks()
        .forEach(
            (key, ticks) -> {
              assertThat(key.pid()).isNotNegative();
              assertThat(key.starttime()).isNotNegative();
              assertThat(ticks).isNotNegative();
            });
    CpuSample again = CpuSample.parse(sample.format());
    assertThat(again.procRoot()).isEqualTo(sample.procRoot());
    assertThat(again.ticks()).isEqualTo(sample.ticks());
    assertThat(again.uptime())
        .isCloseTo(sample.uptime(), within(0.005 + Math.ulp(sample.uptime())));
  }
}
