package org.rollcall.monitors.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollcall.monitors.Commands.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rollcall.monitors.Commands;
import org.rollcall.monitors.MonitorRun;

/**
 * cpu.monitor against a state file it did not write: another user (nobody, through setpriv) plants
 * a sample in which a real busy process had used more CPU than it has now, which read as "no use"
 * and hid it.
 */
class CpuStateTrustTest {
  private Path dir;
  private Process hog;

  @BeforeEach
  void startAHog() throws IOException {
    dir = Files.createTempDirectory("rcl-cpu-state");
    hog = new ProcessBuilder("yes").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  @AfterEach
  void stop() throws Exception {
    hog.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    exec(List.of("rm", "-rf", dir.toString()));
  }

  @Test
  void aStateFileAnotherUserPlantedInAStickyDirectoryIsNotTrusted() throws Exception {
    exec(List.of("chmod", "1777", dir.toString()));
    Path state = dir.resolve("cpu.monitor.state");
    exec(Commands.asNobody("sh", "-c", "cat > \"$1\"", "sh", state.toString()), forgedSample());
    MonitorRun run = hogRun();
    assertThat(run.output())
        .contains("yes(" + hog.pid() + ")")
        .contains(
            "note: state file "
                + state
                + " is not trusted (it is owned by uid 65534, not by this user "
                + "(uid 0)); sampled instead");
    assertThat(run.exit()).isEqualTo(1);
  }

  @Test
  void aLinkAnotherUserPlantedIsNotFollowed() throws Exception {
    exec(List.of("chmod", "1777", dir.toString()));
    Path forged = Files.createTempFile("rcl-forged", ".state");
    try {
      String forgery = forgedSample();
      Files.writeString(forged, forgery);
      Path state = dir.resolve("cpu.monitor.state");
      exec(Commands.asNobody("ln", "-s", forged.toString(), state.toString()));
      MonitorRun run = hogRun();
      assertThat(run.output())
          .contains("yes(" + hog.pid() + ")")
          .contains("is not trusted (it is a symbolic link (to " + forged + ")); sampled instead");
      assertThat(Files.readString(forged)).isEqualTo(forgery);
      assertThat(Files.isSymbolicLink(state)).isFalse();
    } finally {
      Files.deleteIfExists(forged);
    }
  }

  @Test
  void aDirectoryOthersCanWriteWithoutTheStickyBitIsNeitherReadNorWritten() throws Exception {
    exec(List.of("chmod", "0777", dir.toString()));
    Path state = dir.resolve("cpu.monitor.state");
    String forgery = forgedSample();
    Files.writeString(state, forgery); // ours, but nobody could have swapped it
    MonitorRun run = hogRun();
    assertThat(run.output())
        .contains("yes(" + hog.pid() + ")")
        .contains(
            "is not trusted (its directory "
                + dir
                + " is writable by group or others without the sticky "
                + "bit (mode 777)); sampled instead")
        .contains("not written (its directory");
    assertThat(Files.readString(state)).isEqualTo(forgery);
  }

  @Test
  void aPreviousFigureAboveTodaysIsCorruptStateNotNoUse() throws Exception {
    Path state = dir.resolve("cpu.monitor.state");
    Files.writeString(state, forgedSample());
    MonitorRun run = hogRun();
    assertThat(run.output())
        .contains("yes(" + hog.pid() + ")")
        .contains(
            "note: state file "
                + state
                + " is corrupt (PID "
                + hog.pid()
                + " had used 999999999999 clock "
                + "ticks of CPU then, ");
    assertThat(run.exit()).isEqualTo(1);
  }

  /** cpu.monitor with this test's state directory, judging the hog (over 20%) on a 2 s sample. */
  private MonitorRun hogRun() throws Exception {
    return MonitorRun.external(
        "cpu.monitor", "--state-dir", dir.toString(), "--max", "20", "--sample", "2", "-t", "20");
  }

  /**
   * Ten minutes ago by the uptime (or one second after boot on a machine up for less: a fresh CI
   * machine), with the hog's real (PID, start time) and far more CPU than it has.
   */
  private String forgedSample() throws IOException {
    String stat = Files.readString(Path.of("/proc/" + hog.pid() + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    String starttime = fields[19];
    double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
    return CpuSample.HEADER
        + "\nproc-root /proc\nuptime "
        + String.format("%.2f", Math.max(1, uptime - 600))
        + "\n"
        + hog.pid()
        + " "
        + starttime
        + " 999999999999\n";
  }
}
