package org.rollcall.core.proc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Fuzzes the {@code /proc/uptime} reading: it throws only {@link MalformedProcFileException} naming
 * the file, and accepts only what the kernel writes, seconds as digits with an optional fraction.
 */
class ProcClockFuzzTest {
  private static final Path FILE = Path.of("/proc/uptime");

  @FuzzTest(maxDuration = "10s")
  void parseUptime(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.US_ASCII);
    String first = text.trim().split(" ")[0];
    boolean wellFormed =
        first.matches("[0-9]+(\\.[0-9]+)?") && Double.isFinite(Double.parseDouble(first));
    double seconds;
    try {
      seconds = ProcClock.parseUptime(text, FILE);
    } catch (MalformedProcFileException e) {
      assertThat(e).hasMessageStartingWith("malformed " + FILE + ": ");
      assertThat(wellFormed).as("rejected '%s'", text).isFalse();
      return;
    }
    assertThat(wellFormed).as("accepted '%s'", text).isTrue();
    assertThat(seconds).isEqualTo(Double.parseDouble(first));
  }
}
