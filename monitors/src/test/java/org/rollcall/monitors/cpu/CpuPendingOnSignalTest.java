package org.rollcall.monitors.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.rollcall.monitors.SignalledRun;

/** A SIGTERM mid-sample names the sample the run was waiting for. */
class CpuPendingOnSignalTest {
  @Test
  void cpuMonitorNamesItsSample() throws Exception {
    CpuMonitor monitor = new CpuMonitor();
    monitor.environment = new HashMap<>();
    SignalledRun run = new SignalledRun(monitor, "--sample", "2", "-t", "10");
    assertThat(run.interruptOnce(monitor, "CPU sample", 1))
        .isEqualTo("cpu.monitor: interrupted by SIGTERM while waiting for a 2 s CPU sample\n");
  }
}
