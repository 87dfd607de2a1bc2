package org.rollcall.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real entry point in its own JVM: a hang ends at the deadline, usage errors keep stderr empty.
 */
class LauncherProcessTest {
  @TempDir Path root;

  /**
   * A proc tree whose stat is a FIFO nobody writes: reading it blocks for ever, as a wedged file
   * system would.
   */
  private Path hangingTree() throws IOException, InterruptedException {
    Path pidDir = Files.createDirectories(root.resolve("1"));
    Process mkfifo = new ProcessBuilder("mkfifo", pidDir.resolve("stat").toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    return root;
  }

  @Test
  void aHangingReadEndsAtTheDeadlineWithOneLine() throws Exception {
    Path tree = hangingTree();
    Executables.Run run =
        Executables.run("ps.monitor", "--proc-root", tree.toString(), "--timeout", "1", "sshd:1-");
    assertThat(run.stdout()).isEqualTo("ps.monitor: timed out after 1 s (--timeout)\n");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.stderr()).isEmpty();
    assertThat(run.millis()).isLessThan(1000 + 2500);

    Executables.Run nagios =
        Executables.run(
            "ps.monitor", "--nagios", "--proc-root", tree.toString(), "-t", "1", "sshd:1-");
    assertThat(nagios.stdout())
        .isEqualTo("PS UNKNOWN: ps.monitor: timed out after 1 s (--timeout)\n");
    assertThat(nagios.exit()).isEqualTo(3);
  }

  @Test
  void unknownExecutablesAndBadUsageAreOneLineOnStdout() {
    Executables.Run unknown = Executables.run("nosuch.monitor");
    assertThat(unknown.stdout())
        .isEqualTo("nosuch.monitor: no such rollcall executable (not on the class path)\n");
    assertThat(unknown.exit()).isEqualTo(1);
    Executables.Run bad = Executables.run("ps.monitor", "--bogus", "sshd:1-");
    assertThat(bad.stdout())
        .isEqualTo("ps.monitor: Unknown option: '--bogus' (see ps.monitor --help)\n");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.stderr()).isEmpty();
  }
}
