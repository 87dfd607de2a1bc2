package org.rollcall.core.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.process.ChildProcess.Ending;
import org.rollcall.core.process.ChildProcess.Leftovers;
import org.rollcall.core.process.ChildProcess.Settings;
import org.rollcall.core.process.ChildProcess.State;

/**
 * Real programs under each {@link Leftovers}: how they end, what of their output is kept, what
 * outlives them.
 */
class ChildProcessTest {
  private static final Settings COMMAND =
      new Settings(Leftovers.DESCENDANTS_AT_DEADLINE, null, true, 2000, Duration.ofSeconds(1));
  private static final Settings PLUGIN = new Settings(Leftovers.GROUP, null, false, 65_536, null);

  @TempDir Path dir;

  private static Ending run(Settings settings, Duration deadline, String... command)
      throws Exception {
    try (ChildProcess child = ChildProcess.start(List.of(command), settings)) {
      return child.await(Deadline.after(deadline), Duration.ZERO);
    }
  }

  private Optional<ProcessHandle> written(String name) throws Exception {
    return ProcessHandle.of(Long.parseLong(Files.readString(dir.resolve(name)).trim()));
  }

  private static boolean ends(Optional<ProcessHandle> process) throws Exception {
    return process.isEmpty() || !process.get().onExit().get(5, TimeUnit.SECONDS).isAlive();
  }

  @Test
  void aCommandAtItsDeadlineIsKilledWithWhatItHoldsButNotWhatDetached() throws Exception {
    Ending ending =
        run(
            COMMAND,
            Duration.ofSeconds(1),
            "sh",
            "-c",
            "setsid -f sh -c 'echo $$ > "
                + dir.resolve("detached")
                + "; exec sleep 301' </dev/null >/dev/null 2>&1; "
                + "sleep 302 </dev/null >/dev/null 2>&1 & echo $! > "
                + dir.resolve("attached")
                + "; sleep 303");
    try {
      assertThat(ending.state()).isEqualTo(State.KILLED_AT_DEADLINE);
      assertThat(ends(written("attached"))).as("the sleep it still held").isTrue();
      assertThat(written("detached"))
          .hasValueSatisfying(daemon -> assertThat(daemon.isAlive()).isTrue());
    } finally {
      written("detached").ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void aCommandThatEndsInTimeLeavesItsChildrenRunning() throws Exception {
    Ending ending =
        run(
            COMMAND,
            Duration.ofSeconds(10),
            "sh",
            "-c",
            "sleep 304 </dev/null >/dev/null 2>&1 & echo $! > "
                + dir.resolve("child")
                + "; echo started; exit 4");
    try {
      assertThat(ending.state()).isEqualTo(State.EXITED);
      assertThat(ending.exit()).isEqualTo(4);
      assertThat(new String(ending.stdout(), StandardCharsets.UTF_8)).isEqualTo("started\n");
      assertThat(written("child"))
          .hasValueSatisfying(child -> assertThat(child.isAlive()).isTrue());
    } finally {
      written("child").ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void aPluginsGroupIsKilledWhenItExits() throws Exception {
    Ending ending =
        run(
            PLUGIN,
            Duration.ofSeconds(10),
            "sh",
            "-c",
            "(sleep 305 & echo $! > " + dir.resolve("forked") + ") ; echo CRITICAL; exit 2");
    assertThat(ending.state()).isEqualTo(State.EXITED);
    assertThat(ending.exit()).isEqualTo(2);
    assertThat(ending.signal()).isZero();
    assertThat(new String(ending.stdout(), StandardCharsets.UTF_8)).isEqualTo("CRITICAL\n");
    assertThat(ends(written("forked"))).as("the double-forked sleep holding stdout").isTrue();
  }

  @Test
  void aPluginTellsADeathBySignalFromTheSameExitCode() throws Exception {
    Ending killed = run(PLUGIN, Duration.ofSeconds(10), "sh", "-c", "kill -9 $$");
    assertThat(List.of(killed.state(), killed.exit(), killed.signal()))
        .containsExactly(State.EXITED, 137, 9);
    Ending exited = run(PLUGIN, Duration.ofSeconds(10), "sh", "-c", "exit 137");
    assertThat(List.of(exited.state(), exited.exit(), exited.signal()))
        .containsExactly(State.EXITED, 137, 0);
  }

  @Test
  void aPluginWhoseEscapedChildHoldsItsOutputIsSaidSo() throws Exception {
    Ending ending =
        run(
            PLUGIN,
            Duration.ofMillis(1500),
            "sh",
            "-c",
            "setsid sh -c 'echo $$ > "
                + dir.resolve("escaped")
                + "; exec sleep 306' & sleep 0.2; echo OK; exit 0");
    try {
      assertThat(ending.state()).isEqualTo(State.OUTPUT_HELD);
      assertThat(new String(ending.stdout(), StandardCharsets.UTF_8)).isEqualTo("OK\n");
    } finally {
      written("escaped").ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void aPluginThatCannotBeStartedSaysWhy() throws Exception {
    Ending ending = run(PLUGIN, Duration.ofSeconds(10), dir.resolve("missing").toString());
    assertThat(ending.state()).isEqualTo(State.NOT_STARTED);
    assertThat(ending.error()).isEqualTo("No such file or directory");
  }

  @Test
  void outputPastTheCapIsDroppedAndSaidSo() throws Exception {
    Ending ending =
        run(
            new Settings(
                Leftovers.DESCENDANTS_AT_DEADLINE, null, false, 1000, Duration.ofSeconds(1)),
            Duration.ofSeconds(10),
            "sh",
            "-c",
            "head -c 100000 /dev/zero; echo oops >&2");
    assertThat(ending.stdout()).hasSize(1000);
    assertThat(ending.stdoutCut()).isTrue();
    assertThat(new String(ending.stderr(), StandardCharsets.UTF_8)).isEqualTo("oops\n");
  }

  @Test
  void itsInputIsFedEvenWhenItNeverReads() throws Exception {
    Settings feeding =
        new Settings(
            Leftovers.DESCENDANTS_AT_DEADLINE,
            out -> out.write("hello".getBytes()),
            true,
            2000,
            Duration.ofSeconds(1));
    assertThat(
            new String(
                run(feeding, Duration.ofSeconds(10), "cat").stdout(), StandardCharsets.UTF_8))
        .isEqualTo("hello");
    Settings flood =
        new Settings(
            Leftovers.DESCENDANTS_AT_DEADLINE,
            out -> out.write(new byte[1 << 20]),
            true,
            2000,
            Duration.ofSeconds(1));
    assertThat(run(flood, Duration.ofSeconds(10), "sh", "-c", "exit 0").state())
        .isEqualTo(State.EXITED);
  }
}
