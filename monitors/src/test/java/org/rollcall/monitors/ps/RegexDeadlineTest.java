package org.rollcall.monitors.ps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollcall.monitors.LiveProcesses;
import org.rollcall.monitors.MonitorRun;

/**
 * A real process whose command line ends in 100,000 {@code a}s, and {@code args=MARKER (a+)+b},
 * which backtracks on it for ever: the search stops at its share of the timeout, the rule is
 * undecided with the reason, and every other rule is still reported, well within the run's
 * deadline. The marker keeps any other process on the machine from matching: a command line with
 * "ab" in it would decide the rule (one match is enough to break 0-0) and hide the undecided one.
 */
class RegexDeadlineTest {
  private static final String MARKER = "rcl-regex-marker";
  private static final String CATASTROPHIC = "args=" + MARKER + " (a+)+b";
  private static LiveProcesses live;
  private static long pid;

  @BeforeAll
  static void start() throws Exception {
    live = new LiveProcesses();
    // Detached: the run leaves its own JVM's children out of its counts.
    pid =
        live.startDetached("perl", "/usr/bin/perl", "-e", "sleep 300", MARKER, "a".repeat(100_000))
            .pid();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    live.close();
  }

  @Test
  void aCatastrophicPatternLeavesItsRuleUndecidedWithinTheDeadline() {
    long started = System.nanoTime();
    MonitorRun run =
        MonitorRun.of(new PsMonitor(), "-t", "5", CATASTROPHIC + ":0-0", "args=" + MARKER + ":1-1");
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(millis).as(run.output()).isLessThan(4_000);
    assertThat(run.lines())
        .containsExactly(
            CATASTROPHIC + ":0?",
            CATASTROPHIC
                + ":0-0 cannot be decided: 0 matching, up "
                + "to 1 more undecided (args= regex did not finish within 0.5 s (its share of the 5 s timeout)), expected none");
    assertThat(run.exit()).isEqualTo(1);
  }

  @Test
  void explainSaysWhyTheTermIsUndecided() {
    MonitorRun run =
        MonitorRun.of(
            new PsMonitor(), "-t", "5", "--explain", Long.toString(pid), CATASTROPHIC + ":0-0");
    List<String> lines = run.lines();
    assertThat(lines)
        .contains(
            "rule "
                + CATASTROPHIC
                + ":0-0: undecided (args= regex did not finish within 0.5 s (its share "
                + "of the 5 s timeout))");
    assertThat(run.exit()).isZero();
  }
}
