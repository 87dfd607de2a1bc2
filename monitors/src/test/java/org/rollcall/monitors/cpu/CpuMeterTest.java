package org.rollcall.monitors.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.proc.FakeProc;

/** CPU deltas between two snapshots of a fixture tree, 300 s apart. */
class CpuMeterTest {
  @TempDir Path dir;

  @Test
  void measuresDeltasKeyedOnPidAndStartTime() {
    FakeProc proc = new FakeProc(dir).uptime(10_000);
    FakeProc.Process steady = proc.process(100, "steady").cpu(50_000, 0, 1_000);
    FakeProc.Process hog = proc.process(200, "hog").cpu(1_000, 500, 2_000);
    proc.process(300, "old").cpu(90_000, 0, 3_000);
    CpuSample before = CpuSample.of(proc.fs().scan(), "/x", 10_000);

    proc.uptime(10_300);
    steady.cpu(50_000, 3_000, 1_000); // 30 s of CPU in 300 s
    hog.cpu(1_000 + 28_000, 500 + 1_000, 2_000); // 290 s in 300 s
    proc.process(300, "new")
        .cpu(5_000, 0, 10_200 * 100); // PID reused: started 100 s ago, used 50 s
    proc.process(400, "baby").cpu(1, 0, 1_029_995); // started 50 ms ago with one tick
    proc.process(500, "zombie").cpu(0, 0, 1_500_000).state('Z');
    Map<Integer, CpuUse> uses = byPid(CpuMeter.measure(before, proc.fs().scan(), 10_300, 300));

    assertThat(uses.get(100).percent()).isCloseTo(10.0, within(1e-9));
    assertThat(uses.get(100).startedInWindow()).isFalse();
    assertThat(uses.get(200).percent()).isCloseTo(96.6667, within(1e-3));
    assertThat(uses.get(200).cpuSeconds()).isCloseTo(290, within(1e-9));
    // Keyed on PID alone this would be (5000 - 90000) ticks: a negative, bogus figure.
    assertThat(uses.get(300).percent()).isCloseTo(50.0, within(1e-9));
    assertThat(uses.get(300).windowSeconds()).isCloseTo(100, within(1e-9));
    assertThat(uses.get(300).startedInWindow()).isTrue();
    assertThat(uses.get(400).percent()).isCloseTo(1.0, within(1e-9));
    assertThat(uses).doesNotContainKey(500);
  }

  @Test
  void lifetimeAveragesOverEachProcesssLife() {
    FakeProc proc = new FakeProc(dir).uptime(1_000);
    proc.process(100, "daemon").cpu(40_000, 10_000, 0); // 500 s of CPU in 1000 s
    proc.process(200, "young").cpu(150, 0, 99_800); // 1.5 s in its 2 s life
    Map<Integer, CpuUse> uses = byPid(CpuMeter.measure(null, proc.fs().scan(), 1_000, 0));
    assertThat(uses.get(100).percent()).isCloseTo(50.0, within(1e-9));
    assertThat(uses.get(200).percent()).isCloseTo(75.0, within(1e-9));
    assertThat(uses.get(200).startedInWindow()).isFalse();
  }

  private static Map<Integer, CpuUse> byPid(List<CpuUse> uses) {
    return uses.stream().collect(Collectors.toMap(use -> use.process().pid(), Function.identity()));
  }
}
