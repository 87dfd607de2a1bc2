package org.rollcall.monitors.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.monitors.ProcessKey;

class CpuStateFileTest {
  @TempDir Path dir;

  @Test
  void concurrentWritersAndReadersNeverSeeHalfASample() throws Exception {
    CpuStateFile file = CpuStateFile.in(dir, null, null);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int writer = 0; writer < 3; writer++) {
        int id = writer;
        futures.add(
            pool.submit(
                () -> {
                  List<String> failures = new ArrayList<>();
                  for (int round = 0; round < 60; round++) {
                    String failure = file.write(bigSample(id, round));
                    if (failure != null) {
                      failures.add(failure);
                    }
                  }
                  return failures;
                }));
      }
      for (int reader = 0; reader < 3; reader++) {
        futures.add(
            pool.submit(
                () -> {
                  List<String> notes = new ArrayList<>();
                  for (int round = 0; round < 60; round++) {
                    Optional<CpuSample> sample = file.read("/proc", notes);
                    sample.ifPresent(s -> assertThat(s.ticks()).hasSize(5_000));
                  }
                  return notes;
                }));
      }
      for (Future<List<String>> future : futures) {
        assertThat(future.get()).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("cpu.monitor.state");
    }
  }

  @Test
  void anUnwritableDirectoryIsANoteNotACrash() throws Exception {
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    CpuStateFile file = CpuStateFile.in(locked.resolve("missing"), "g", "s");
    String failure = file.write(bigSample(0, 0));
    assertThat(failure)
        .startsWith(
            "note: cannot write state file " + locked.resolve("missing/cpu.monitor.g.s.state"))
        .endsWith("; the next run will sample again");
  }

  private static CpuSample bigSample(int writer, int round) {
    Map<ProcessKey, Long> ticks = new HashMap<>();
    for (int pid = 1; pid <= 5_000; pid++) {
      ticks.put(new ProcessKey(pid, writer), (long) round);
    }
    return new CpuSample("/proc", 100 + round, ticks);
  }

  /**
   * mon's group and service name the file, each character outside [A-Za-z0-9_.-] one underscore.
   */
  @Test
  void eachServiceHasAFileOfItsOwn() {
    assertThat(CpuStateFile.in(dir, "web servers", "cpu/\uD83D\uDD25.hot-1").path())
        .isEqualTo(dir.resolve("cpu.monitor.web_servers.cpu__.hot-1.state"));
  }
}
