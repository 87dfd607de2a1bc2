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
}
