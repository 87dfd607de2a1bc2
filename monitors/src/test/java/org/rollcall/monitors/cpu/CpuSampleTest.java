package org.rollcall.monitors.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.proc.FakeProc;
import org.rollcall.monitors.ProcessKey;

class CpuSampleTest {
  @Test
  void takesTicksKeyedOnPidAndStartTime(@TempDir Path dir) {
    FakeProc proc = new FakeProc(dir);
    proc.process(1, "systemd").cpu(300, 200, 1);
    proc.process(42, "yes").cpu(7000, 10, 12345);
    CpuSample sample = CpuSample.of(proc.fs().scan(), "/proc", 555.5);
    assertThat(sample.ticks())
        .containsOnly(
            Map.entry(new ProcessKey(1, 1), 500L), Map.entry(new ProcessKey(42, 12345), 7010L));
  }

  @Test
  void formatsAndParsesBack() {
    CpuSample sample =
        new CpuSample(
            "/proc", 1234.56, Map.of(new ProcessKey(7, 99), 42L, new ProcessKey(8, 100), 0L));
    String text = sample.format();
    assertThat(text)
        .startsWith("# rollcall cpu.monitor state, format 1\nproc-root /proc\nuptime 1234.56\n")
        .contains("\n7 99 42\n")
        .contains("\n8 100 0\n");
    assertThat(CpuSample.parse(text)).isEqualTo(sample);
  }

  @Test
  void corruptTextSaysWhatAndWhere() {
    assertThatThrownBy(() -> CpuSample.parse("hello\n"))
        .hasMessage("it does not start with '# rollcall cpu.monitor state, format 1'");
    assertThatThrownBy(() -> CpuSample.parse(CpuSample.HEADER + "\nproc-root /proc\nuptime x\n"))
        .hasMessage("line 3: the uptime is not a number");
    assertThatThrownBy(
            () -> CpuSample.parse(CpuSample.HEADER + "\nproc-root /proc\nuptime 1\n1 2 3\n1 2\n"))
        .hasMessage("line 5 is not 'PID STARTTIME TICKS'");
    assertThatThrownBy(() -> CpuSample.parse(CpuSample.HEADER + "\nroot /proc\nuptime 1\n"))
        .hasMessage("line 2 does not start with 'proc-root'");
  }

  // A corrupt state file must not bend the measurement: a negative or non-finite uptime would
  // stretch the window and hide a busy process, a negative count would raise a false alarm.
  // Double.parseDouble and Long.parseLong took them all.
  @Test
  void refusesNumbersFormatNeverWrites() {
    String start = CpuSample.HEADER + "\nproc-root /proc\n";
    for (String uptime : new String[] {"-1e9", "-Infinity", "NaN", "1e3", "5d", "0x1p3", " 5"}) {
      assertThatThrownBy(() -> CpuSample.parse(start + "uptime " + uptime + "\n"))
          .as(uptime)
          .hasMessage("line 3: the uptime is not a number");
    }
    for (String line :
        new String[] {
          "1 2 -3", "-1 2 3", "+1 2 3", "1 2 3 ", "1  2 3", "1 2 99999999999999999999"
        }) {
      assertThatThrownBy(() -> CpuSample.parse(start + "uptime 1.00\n" + line + "\n"))
          .as(line)
          .hasMessage("line 4 is not 'PID STARTTIME TICKS'");
    }
    assertThat(CpuSample.parse(start + "uptime 12.5\n7 99 42\n").ticks())
        .containsOnly(Map.entry(new ProcessKey(7, 99), 42L));
  }
}
