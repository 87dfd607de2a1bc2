package org.rollcall.monitors.ps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rollcall.monitors.Executables;
import org.rollcall.monitors.LiveProcesses;

/**
 * etbemon's own ps.monitor (Debian package mon) and ours agree on the exit code and the failing
 * names for the same name:min-max rules on the same live processes. Not compared: 0 as a bound and
 * names over 15 characters, where rollcall deliberately differs (ps.monitor(1), DESCRIPTION).
 */
class EtbemonCompatibilityTest {
  private static final Path ETBEMON = Path.of("/usr/lib/mon/mon-local.d/ps.monitor");

  @TempDir static Path dir;
  static LiveProcesses live;

  @BeforeAll
  static void startProcesses() throws Exception {
    live = new LiveProcesses(dir.resolve("bin"));
    Path three = live.binary("a", "rcl-compat-a");
    Path one = live.binary("a", "rcl-compat-b");
    for (int i = 0; i < 3; i++) {
      live.start("rcl-compat-a", three.toString(), "300").pid();
    }
    live.start("rcl-compat-b", one.toString(), "300").pid();
  }

  @AfterAll
  static void stopProcesses() throws InterruptedException {
    live.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "rcl-compat-a:3-3",
        "rcl-compat-a:1-",
        "rcl-compat-a:4-",
        "rcl-compat-a:-2",
        "rcl-compat-a:2-5",
        "rcl-compat-b:1-1",
        "rcl-compat-b:2-",
        "rcl-compat-c:1-",
        "rcl-compat-c:1-1",
        "rcl-compat-a:1-3 rcl-compat-b:1-1",
        "rcl-compat-a:1-2 rcl-compat-b:1-1 rcl-compat-c:1-"
      })
  void bothMonitorsAgree(String rules) {
    assumeTrue(
        Files.isExecutable(ETBEMON), "etbemon's ps.monitor is not installed (Debian package mon)");
    String[] args = rules.split(" ");
    List<String> etbemonCommand = new ArrayList<>(List.of(ETBEMON.toString()));
    etbemonCommand.addAll(List.of(args));
    Executables.Run theirs = Executables.exec(etbemonCommand);
    Executables.Run ours = Executables.run("ps.monitor", args);
    assertThat(ours.exit())
        .as("exit code, etbemon said:%n%s", theirs.stdout())
        .isEqualTo(theirs.exit());
    if (theirs.exit() != 0) {
      assertThat(failingNames(ours.stdout())).isEqualTo(failingNames(theirs.stdout()));
    }
  }

  /** The summary line's words, sorted: etbemon prints them in hash order. */
  private static List<String> failingNames(String output) {
    return List.of(output.lines().findFirst().orElse("").trim().split(" ")).stream()
        .sorted()
        .toList();
  }
}
