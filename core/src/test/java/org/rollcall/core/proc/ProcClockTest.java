package org.rollcall.core.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcClockTest {
  @Test
  void readsUptimeFromAFixtureTree(@TempDir Path dir) {
    FakeProc proc = new FakeProc(dir).uptime(12345.67);
    assertThat(ProcClock.uptime(proc.fs())).isEqualTo(12345.67);
  }

  @Test
  void readsTheSystemUptime() {
    ProcFs fs = ProcFs.system();
    ProcStat self = fs.process((int) ProcessHandle.current().pid()).orElseThrow().stat();
    double uptime = ProcClock.uptime(fs);
    // This JVM started after boot and before now, on the same clock as stat's starttime.
    assertThat(ProcClock.seconds(self.starttime())).isPositive().isLessThan(uptime);
  }

  @Test
  void malformedUptimeNamesTheFile() {
    assertThatThrownBy(() -> ProcClock.parseUptime("abc 12.0\n", Path.of("/x/uptime")))
        .isInstanceOf(MalformedProcFileException.class)
        .hasMessage("malformed /x/uptime: 'abc' is not a number of seconds");
  }

  @Test
  void ticksAreHundredthsOfASecond() {
    assertThat(ProcClock.seconds(250)).isEqualTo(2.5);
  }

  // Found by ProcClockFuzzTest: Double.parseDouble took "32." and Java's own number syntax.
  @Test
  void acceptsOnlyTheKernelsNumberFormat() {
    Path file = Path.of("/proc/uptime");
    assertThat(ProcClock.parseUptime("32 1\n", file)).isEqualTo(32);
    assertThat(ProcClock.parseUptime("32.05 1.00\n", file)).isEqualTo(32.05);
    for (String text :
        new String[] {"32.", ".5", "1e3", "0x1p3", "5d", "+5", "-1", "NaN", "Infinity"}) {
      assertThatThrownBy(() -> ProcClock.parseUptime(text + " 1\n", file))
          .isInstanceOf(MalformedProcFileException.class)
          .hasMessage("malformed /proc/uptime: '" + text + "' is not a number of seconds");
    }
  }

  @Test
  void readsBootTimeFromAFixtureTreeAndTheSystem(@TempDir Path dir) {
    assertThat(ProcClock.bootTime(new FakeProc(dir).btime(1_765_094_400).fs()))
        .isEqualTo(1_765_094_400L);
    long now = System.currentTimeMillis() / 1000;
    double uptime = ProcClock.uptime(ProcFs.system());
    // btime plus uptime is now, to the second the kernel rounds btime to (and this test's reads).
    assertThat(ProcClock.bootTime(ProcFs.system()) + uptime).isBetween(now - 2.0, now + 2.0);
  }

  @Test
  void bootTimeIsTheBtimeLineAnywhereInStat() {
    Path file = Path.of("/proc/stat");
    assertThat(ProcClock.parseBootTime("btime 5\n", file)).isEqualTo(5);
    assertThat(ProcClock.parseBootTime("cpu  1 2\nintr 7 0\nbtime 1765094400\nprocs 1\n", file))
        .isEqualTo(1_765_094_400L);
    assertThat(ProcClock.parseBootTime("ctxt 1\nbtime 42", file)).isEqualTo(42);
    String[][] bad = {
      {"cpu  1 2\n", "no btime line"},
      {"xbtime 5\n", "no btime line"},
      {"btime -5\n", "btime '-5' is not a number of seconds"},
      {"btime 5 6\n", "btime '5 6' is not a number of seconds"},
      {"btime \n", "btime '' is not a number of seconds"},
      {"btime 9999999999999999999\n", "btime '9999999999999999999' is not a number of seconds"}
    };
    for (String[] text : bad) {
      assertThatThrownBy(() -> ProcClock.parseBootTime(text[0], file))
          .isInstanceOf(MalformedProcFileException.class)
          .hasMessage("malformed /proc/stat: " + text[1]);
    }
  }
}
