package org.rollcall.monitors.ps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollcall.monitors.MonitorRun;

/**
 * 10,000 rules no process can satisfy, through ps.monitor's real run: mon's summary line stays at
 * 500 bytes of items and Nagios's line 1 within NRPE's 1,024-byte packet, while the detail lines
 * and the perfdata keep all.
 */
class SummaryCapTest {
  private static final int RULES = 10_000;

  private static String[] rules(String... options) {
    List<String> args = new ArrayList<>(List.of(options));
    for (int i = 0; i < RULES; i++) {
      args.add("nosuchproc123-" + i + ":1-");
    }
    return args.toArray(String[]::new);
  }

  @Test
  void monSummaryNamesTheFirstFailuresAndCountsTheRest() {
    MonitorRun run = MonitorRun.of(new PsMonitor(), rules());
    List<String> lines = run.lines();
    String summary = lines.get(0);
    int shown = summary.substring(0, summary.indexOf(" ... and ")).split(" ").length;
    assertThat(summary)
        .startsWith("nosuchproc123-0:0 nosuchproc123-1:0 ")
        .endsWith(" nosuchproc123-" + (shown - 1) + ":0 ... and " + (RULES - shown) + " more");
    assertThat(bytes(summary)).isLessThanOrEqualTo(500 + bytes(" ... and 9999 more"));
    assertThat(lines).hasSize(1 + RULES);
    assertThat(lines.get(RULES)).startsWith("nosuchproc123-9999:1- has 0 matching processes");
    assertThat(run.exit()).isEqualTo(1);
  }

  @Test
  void nagiosLineOneFitsAnNrpePacketAndNoPerfdataIsLost() {
    MonitorRun run = MonitorRun.of(new PsMonitor(), rules("--nagios"));
    List<String> lines = run.lines();
    String first = lines.get(0);
    assertThat(first)
        .startsWith("PS CRITICAL: 10000 of 10000 failed: nosuchproc123-0:0 ")
        .contains(" more | ");
    String[] onLineOne = first.substring(first.indexOf(" | ") + 3).split(" ");
    int next = onLineOne.length;
    assertThat(bytes(first) + 1).isLessThanOrEqualTo(1024);
    assertThat(bytes(first + " nosuchproc123-" + next + "=0;;1:;0") + 1).isGreaterThan(1024);
    assertThat(onLineOne[next - 1]).isEqualTo("nosuchproc123-" + (next - 1) + "=0;;1:;0");
    assertThat(lines.get(1 + RULES)).isEqualTo("| nosuchproc123-" + next + "=0;;1:;0");
    assertThat(lines)
        .hasSize(1 + RULES + RULES - next)
        .last()
        .isEqualTo("nosuchproc123-9999=0;;1:;0");
    assertThat(run.exit()).isEqualTo(2);
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
