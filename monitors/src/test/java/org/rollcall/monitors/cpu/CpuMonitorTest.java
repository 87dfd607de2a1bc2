package org.rollcall.monitors.cpu;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.proc.FakeProc;
import org.rollcall.monitors.MonitorRun;

/** cpu.monitor on fixture trees: two runs with a state directory, 300 s of uptime apart. */
class CpuMonitorTest {
  @TempDir Path dir;
  @TempDir Path state;
  FakeProc proc;
  FakeProc.Process hog;
  FakeProc.Process calm;
  Map<String, String> environment = new HashMap<>();
  Path loginDefs;

  @BeforeEach
  void init() throws Exception {
    proc = new FakeProc(dir.resolve("proc")).uptime(10_000);
    proc.process(1, "systemd")
        .cpu(500, 500, 1)
        .cmdline("/sbin/init")
        .exe("/usr/lib/systemd/systemd");
    hog =
        proc.process(200, "spinner")
            .cpu(1_000, 0, 2_000)
            .cmdline("spinner", "--forever")
            .exe("/opt/spinner");
    calm = proc.process(300, "calm").cpu(100, 0, 3_000).exe("/usr/sbin/calm");
    loginDefs = dir.resolve("login.defs");
    Files.writeString(loginDefs, "# comment\nUID_MIN\t\t\t 1000\nUID_MAX\t\t\t60000\n");
  }

  private MonitorRun run(String... args) {
    CpuMonitor monitor = new CpuMonitor();
    monitor.environment = environment;
    monitor.loginDefs = loginDefs;
    String[] all =
        Stream.concat(Stream.of("--proc-root", proc.root().toString()), Stream.of(args))
            .toArray(String[]::new);
    return MonitorRun.of(monitor, all);
  }

  /**
   * The first run stores a sample; then 300 s pass in which spinner uses 290 s and calm 3 s of CPU.
   */
  private MonitorRun firstRunThen300Seconds(String... args) {
    MonitorRun first =
        run(Stream.concat(Stream.of("--sample", "0.1"), Stream.of(args)).toArray(String[]::new));
    assertThat(first.summary()).startsWith("no process over 90% of one CPU over a 0.");
    proc.uptime(10_300);
    hog.cpu(1_000 + 29_000, 0, 2_000);
    calm.cpu(400, 0, 3_000);
    return first;
  }

  @Test
  void stateDirMeasuresTheWholeIntervalSinceThePreviousRunWithoutSampling() {
    firstRunThen300Seconds("--state-dir", state.toString());
    // A 20 s sample could not fit a 5 s timeout: this passes only because the window comes from the
    // state.
    MonitorRun run = run("--state-dir", state.toString(), "--sample", "20", "-t", "5");
    assertThat(run.lines())
        .containsExactly(
            "spinner(200):96.7%",
            "spinner(200): 96.7% of one CPU over the last "
                + "300 s (290 s of CPU); user root(0); exe /opt/spinner; args spinner --forever");
    assertThat(run.exit()).isEqualTo(1);
  }

  @Test
  void monStatedirIsUsedPerServiceAndAPidReusedMidWindowIsMeasuredOverItsLife() {
    environment.put("MON_STATEDIR", state.toString());
    environment.put("MON_GROUP", "local");
    environment.put("MON_SERVICE", "cpu hogs");
    firstRunThen300Seconds();
    assertThat(state.resolve("cpu.monitor.local.cpu_hogs.state")).exists();
    proc.process(300, "newcomer").cpu(5_000, 0, 10_200 * 100).exe("/usr/bin/newcomer");
    MonitorRun run = run("--top", "3", "--max", "99");
    assertThat(run.lines())
        .containsExactly(
            "no process over 99% of one CPU over the last 300 s (3 measured, 0 exempt); busiest spinner(200) 96.7%",
            "top 1: spinner(200): 96.7% of one CPU over the last 300 s (290 s of CPU); user root(0); exe /opt/spinner; "
                + "args spinner --forever",
            "top 2: newcomer(300): 50.0% of one CPU over its 100 s life (it started within the last 300 s) (50.0 s of "
                + "CPU); user root(0); exe /usr/bin/newcomer; args (none)",
            "top 3: systemd(1): 0.0% of one CPU over the last 300 s (0.0 s of CPU); user root(0); exe "
                + "/usr/lib/systemd/systemd; args /sbin/init");
  }

  @Test
  void aCorruptStateFileIsReplacedWithANote() throws Exception {
    Path file = state.resolve("cpu.monitor.state");
    Files.writeString(file, "garbage\n");
    MonitorRun run = run("--state-dir", state.toString(), "--sample", "0.1");
    assertThat(run.exit()).isZero();
    assertThat(run.lines().get(1))
        .isEqualTo(
            "note: state file "
                + file
                + " was not a usable cpu.monitor sample "
                + "(it does not start with '# rollcall cpu.monitor state, format 1'); it is replaced");
    assertThat(CpuSample.parse(Files.readString(file)).ticks()).hasSize(3);
  }

  @Test
  void aStateFileFromAnotherProcTreeIsForeign() throws Exception {
    Files.writeString(
        state.resolve("cpu.monitor.state"), new CpuSample("/elsewhere", 9_000, Map.of()).format());
    MonitorRun run = run("--state-dir", state.toString(), "--sample", "0.1");
    assertThat(run.lines().get(1))
        .contains("(it was taken from /elsewhere, not " + proc.root() + ")");
    assertThat(Files.readString(state.resolve("cpu.monitor.state"), StandardCharsets.UTF_8))
        .contains("proc-root " + proc.root());
  }

  @Test
  void regularUsersAreExemptUnlessIncludedButNobodyIsNot() throws Exception {
    hog.ids(1000, 1000);
    calm.ids(65534, 65534);
    firstRunThen300Seconds("--state-dir", state.toString());
    calm.cpu(28_000, 0, 3_000); // 279 s in 300 s
    Files.copy(state.resolve("cpu.monitor.state"), dir.resolve("saved"));
    assertThat(run("--state-dir", state.toString()).summary()).isEqualTo("calm(300):93.0%");
    Files.copy(dir.resolve("saved"), state.resolve("cpu.monitor.state"), REPLACE_EXISTING);
    assertThat(run("--state-dir", state.toString(), "--include-users").summary())
        .isEqualTo("spinner(200):96.7% calm(300):93.0%");
    Files.copy(dir.resolve("saved"), state.resolve("cpu.monitor.state"), REPLACE_EXISTING);
    Files.writeString(loginDefs, "UID_MIN 2000\n");
    assertThat(run("--state-dir", state.toString(), "--exempt", "calm").summary())
        .isEqualTo("spinner(200):96.7%");
  }

  @Test
  void lifetimeIsLabelledAsSuch() {
    proc.uptime(400);
    hog.cpu(38_000, 0, 0);
    MonitorRun run = run("--lifetime", "--exempt", "/usr/sbin/calm");
    assertThat(run.lines())
        .containsExactly(
            "spinner(200):95.0%",
            "spinner(200): 95.0% of one CPU over its 400 s "
                + "life (380 s of CPU); user root(0); exe /opt/spinner; args spinner --forever");
    assertThat(run("--lifetime", "--max", "96").summary())
        .isEqualTo(
            "no process over 96% of one CPU averaged "
                + "over each process's life (3 measured, 0 exempt); busiest spinner(200) 95.0%");
  }

  @Test
  void nagiosThresholdsAndPerfdataForTheBusiest() {
    proc.uptime(400);
    hog.cpu(38_000, 0, 0);
    calm.cpu(24_000, 0, 0);
    MonitorRun run = run("--lifetime", "--nagios", "-w", "50", "-c", "97", "--top", "2");
    assertThat(run.lines())
        .containsExactly(
            "CPU WARNING: 2 of 3 failed: spinner(200):95.0% calm(300):60.0% | "
                + "busiest=95%;50;97;0 spinner=95%;50;97;0 calm=60%;50;97;0",
            "spinner(200): 95.0% of one CPU over its 400 s life (380 s of CPU); user root(0); exe /opt/spinner; "
                + "args spinner --forever",
            "calm(300): 60.0% of one CPU over its 400 s life (240 s of CPU); user root(0); exe /usr/sbin/calm; "
                + "args (none)",
            "top 1: spinner(200): 95.0% of one CPU over its 400 s life (380 s of CPU); user root(0); exe /opt/spinner; "
                + "args spinner --forever",
            "top 2: calm(300): 60.0% of one CPU over its 400 s life (240 s of CPU); user root(0); exe /usr/sbin/calm; "
                + "args (none)");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run("--lifetime", "--nagios", "-c", "90").exit()).isEqualTo(2);
  }

  @Test
  void badInputIsOneLine() {
    assertThat(run("-w", "95", "--max", "90").output())
        .isEqualTo(
            "cpu.monitor: -w 95 must be above 0 and below --max/-c 90 (see cpu.monitor --help)\n");
    assertThat(run("--sample", "40").output())
        .isEqualTo(
            "cpu.monitor: --sample 40.0 s must leave a second of the --timeout (30 s) (see cpu.monitor --help)\n");
    assertThat(run("--nagios", "--state-dir", dir.resolve("none").toString()).exit()).isEqualTo(3);
  }
}
