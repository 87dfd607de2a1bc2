package org.rollcall.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.proc.FakeProc;

class CpuSampleTest {
  @Test
  void takesTicksKeyedOnPidAndStartTime(@TempDir Path dir) {
    FakeProc proc = new FakeProc(dir);
    proc.process(1, "systemd").cpu(300, 200, 1);
    proc.process(42, "yes").cpu(7000, 10, 12345);
    CpuSample sample = CpuSample.of(proc.fs().scan(), "/proc", 555.5);
    assertThat(sample.ticks()).containsOnly(Map.entry(new CpuSample.Key(1, 1), 500L),
        Map.entry(new CpuSample.Key(42, 12345), 7010L));
  }

  @Test
  void formatsAndParsesBack() {
    CpuSample sample = new CpuSample("/proc", 1234.56, Map.of(new CpuSample.Key(7, 99), 42L,
        new CpuSample.Key(8, 100), 0L));
    String text = sample.format();
    assertThat(text).startsWith("# rollcall cpu.monitor state, format 1\nproc-root /proc\nuptime 1234.56\n")
        .contains("\n7 99 42\n").contains("\n8 100 0\n");
    assertThat(CpuSample.parse(text)).isEqualTo(sample);
  }

  @Test
  void corruptTextSaysWhatAndWhere() {
    assertThatThrownBy(() -> CpuSample.parse("hello\n")).hasMessage(
        "it does not start with '# rollcall cpu.monitor state, format 1'");
    assertThatThrownBy(() -> CpuSample.parse(CpuSample.HEADER + "\nproc-root /proc\nuptime x\n"))
        .hasMessage("line 3: the uptime is not a number");
    assertThatThrownBy(() -> CpuSample.parse(CpuSample.HEADER + "\nproc-root /proc\nuptime 1\n1 2 3\n1 2\n"))
        .hasMessage("line 5 is not 'PID STARTTIME TICKS'");
    assertThatThrownBy(() -> CpuSample.parse(CpuSample.HEADER + "\nroot /proc\nuptime 1\n"))
        .hasMessage("line 2 does not start with 'proc-root'");
  }
}
