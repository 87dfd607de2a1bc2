package org.rollcall.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real process whose command line ends in 100,000 {@code a}s, and {@code args=(a+)+b}, which backtracks on it
 * for ever: the search stops at its share of the timeout, the rule is undecided with the reason, and every other
 * rule is still reported, well within the run's deadline.
 */
class RegexDeadlineTest {
  private static final String MARKER = "rcl-regex-marker";
  private static LiveProcesses live;
  private static long pid;

  @BeforeAll
  static void start() throws Exception {
    live = new LiveProcesses();
    // Detached: the run leaves its own JVM's children out of its counts.
    pid = live.startDetached("perl", "/usr/bin/perl", "-e", "sleep 300", MARKER, "a".repeat(100_000)).pid();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    live.close();
  }

  @Test
  void aCatastrophicPatternLeavesItsRuleUndecidedWithinTheDeadline() {
    long started = System.nanoTime();
    MonitorRun run = MonitorRun.of(new PsMonitor(), "-t", "5", "args=(a+)+b:0-0", "args=" + MARKER + ":1-1");
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(millis).as(run.output()).isLessThan(4_000);
    assertThat(run.lines()).containsExactly("args=(a+)+b:0?", "args=(a+)+b:0-0 cannot be decided: 0 matching, up to 1 "
        + "more undecided (args= regex did not finish within 0.5 s (its share of the 5 s timeout)), expected none");
    assertThat(run.exit()).isEqualTo(1);
  }

  @Test
  void explainSaysWhyTheTermIsUndecided() {
    MonitorRun run = MonitorRun.of(new PsMonitor(), "-t", "5", "--explain", Long.toString(pid), "args=(a+)+b:0-0");
    List<String> lines = run.lines();
    assertThat(lines).contains("rule args=(a+)+b:0-0: undecided (args= regex did not finish within 0.5 s (its share "
        + "of the 5 s timeout))");
    assertThat(run.exit()).isZero();
  }
}
