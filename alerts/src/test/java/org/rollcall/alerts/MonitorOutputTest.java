package org.rollcall.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MonitorOutputTest {
  @Test
  void splitsTheSummaryFromTheDetailsAsPerlsChompDoes() {
    MonitorOutput output =
        MonitorOutput.of("sshd:0\r\nline 1\nline 2".getBytes(StandardCharsets.UTF_8), false);

    assertThat(new String(output.summaryLine(), StandardCharsets.UTF_8)).isEqualTo("sshd:0\r");
    assertThat(new String(output.details(), StandardCharsets.UTF_8)).isEqualTo("line 1\nline 2");
  }

  @Test
  void aStdinNobodyClosesIsCutAtTheLimitKeepingWhatArrived() throws Exception {
    PipedOutputStream writer = new PipedOutputStream();
    PipedInputStream stdin = new PipedInputStream(writer);
    writer.write("sshd:0\npartial".getBytes(StandardCharsets.UTF_8));
    writer.flush();

    long start = System.nanoTime();
    MonitorOutput output = MonitorOutput.read(stdin, Duration.ofMillis(300));
    long tookMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(tookMillis).isBetween(250L, 2000L);
    assertThat(output.cut()).isTrue();
    assertThat(new String(output.summaryLine(), StandardCharsets.UTF_8)).isEqualTo("sshd:0");
    assertThat(new String(output.details(), StandardCharsets.UTF_8)).isEqualTo("partial");
    writer.close();
  }

  @Test
  void aRunawayMonitorIsKeptToOneMebibyte() throws Exception {
    byte[] huge = new byte[3 * MonitorOutput.MAX_BYTES];
    java.util.Arrays.fill(huge, (byte) 'x');

    MonitorOutput output =
        MonitorOutput.read(new ByteArrayInputStream(huge), Duration.ofSeconds(5));

    assertThat(output.summaryLine()).hasSize(MonitorOutput.MAX_BYTES);
    assertThat(output.cut()).isTrue();
  }
}
