package org.rollcall.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.proc.FakeProc;
import org.rollcall.monitors.cpu.CpuMonitor;
import org.rollcall.monitors.exclusion.ExclusionMonitor;
import org.rollcall.monitors.ps.PsMonitor;

/**
 * What a run leaves behind: no thread and no child process in the JVM that ran it, no file in the
 * temporary directory; and how much memory it needs: a small fixed heap whatever the number of
 * processes and however long their command lines.
 */
class ResourcesTest {
  private static final int MANY = 20_000;
  private static final int LONG_COMMAND_LINES = 400;

  @TempDir Path dir;

  /**
   * Where fixture trees go: 20,000 processes take 30 s to write on this machine's disk, 1 s on
   * tmpfs.
   */
  Path scratch;

  @BeforeEach
  void scratch() throws IOException {
    Path shm = Path.of("/dev/shm");
    scratch =
        Files.isDirectory(shm) && Files.isWritable(shm)
            ? Files.createTempDirectory(shm, "rollcall-test")
            : dir;
  }

  @AfterEach
  void removeScratch() throws IOException {
    if (!scratch.equals(dir)) {
      try (Stream<Path> files = Files.walk(scratch)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @Test
  void anInProcessRunLeavesNoThreadAndNoChildBehind() throws Exception {
    Path state = Files.createDirectories(dir.resolve("state"));
    List<Supplier<MonitorRun>> runs =
        List.of(
            () -> MonitorRun.of(new PsMonitor(), "init:0-", "args=rcl-nothing:0-0"),
            () -> MonitorRun.of(new PsMonitor(), "--recheck", "0.1", "rcl-nothing:1-"),
            () -> MonitorRun.of(new PsMonitor(), "--explain", "1"),
            () -> MonitorRun.of(new ExclusionMonitor(), "--gid0"),
            () -> MonitorRun.of(new CpuMonitor(), "--sample", "0.1"),
            () -> MonitorRun.of(new CpuMonitor(), "--lifetime"),
            () ->
                MonitorRun.of(new CpuMonitor(), "--state-dir", state.toString(), "--sample", "0.1"),
            () -> MonitorRun.of(new PsMonitor(), "--bogus"));
    // Once per JVM, JNA starts its cleaner thread: a library's, not a run's.
    runs.forEach(Supplier::get);
    for (Supplier<MonitorRun> run : runs) {
      Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
      Set<Long> childrenBefore = children();
      MonitorRun result = run.get();
      List<String> newThreads =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> !threadsBefore.contains(t) && t.isAlive())
              .map(Thread::getName)
              .toList();
      assertThat(newThreads).as(result.output()).isEmpty();
      assertThat(children()).as(result.output()).isEqualTo(childrenBefore);
    }
    try (Stream<Path> files = Files.list(state)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("cpu.monitor.state");
    }
  }

  @Test
  void aSeparateRunWritesNothingToTheTemporaryDirectoryOrHome() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path home = Files.createDirectories(dir.resolve("home"));
    for (List<String> args :
        List.of(
            List.of("ps.monitor", "init:0-", "args=rcl-nothing:0-0"),
            List.of("ps.monitor", "user=nobody:0-"),
            List.of("exclusion.monitor"),
            List.of("cpu.monitor", "--sample", "0.1"))) {
      List<String> command =
          new ArrayList<>(
              List.of(
                  "env",
                  "TMPDIR=" + tmp,
                  "HOME=" + home,
                  "XDG_CACHE_HOME=" + home.resolve(".cache")));
      List<String> java =
          Executables.command(
              System.getProperty("java.class.path"),
              List.of(),
              args.get(0),
              args.subList(1, args.size()).toArray(String[]::new));
      command.add(java.get(0));
      command.add("-Djava.io.tmpdir=" + tmp);
      command.addAll(java.subList(1, java.size()));
      Executables.Run run = Executables.exec(command);
      assertThat(run.stderr()).isEmpty();
      assertThat(listAll(tmp)).as(args.toString()).isEmpty();
      // JNA unpacks its native library under ~/.cache/JNA/temp and deletes it once loaded:
      // directories stay.
      assertThat(listAll(home)).as(args.toString()).allMatch(Files::isDirectory, "a directory");
    }
  }

  @Test
  void twentyThousandProcessesFitInA24MegabyteHeap() throws Exception {
    FakeProc proc = new FakeProc(scratch.resolve("proc"));
    for (int pid = 1; pid <= MANY; pid++) {
      proc.process(pid, pid % 2 == 0 ? "rcl-even" : "rcl-odd")
          .cmdline("/usr/sbin/rcl", "--pid", "" + pid)
          .ids(pid % 7 == 0 ? 65534 : 0, pid % 7 == 0 ? 0 : pid % 7 == 1 ? 1 : 0)
          .cpu(pid % 100 * 1000L, 0, 1000 + pid);
    }
    Executables.Run ps =
        smallHeap(
            "ps.monitor",
            "--proc-root",
            proc.root().toString(),
            "rcl-even:10000-10000",
            "rcl-odd,args=--pid [0-9]*7$:2000-2000",
            "user=nobody:2857-2857");
    assertThat(ps.stdout())
        .isEqualTo(
            "3 rules hold: rcl-even:10000 rcl-odd,args=--pid [0-9]*7$:2000 "
                + "user=nobody:2857\n");
    Executables.Run exclusion =
        smallHeap("exclusion.monitor", "--gid0", "--proc-root", proc.root().toString());
    // Line 1 names the first offenders within its 500-byte cap; every offender keeps its detail
    // line.
    assertThat(exclusion.stdout().lines().findFirst().orElseThrow())
        .startsWith("gid0:rcl-odd(7) gid0:rcl-even(14) ")
        .hasSizeLessThan(600);
    assertThat(exclusion.stdout().lines()).hasSize(1 + 2857);
    Executables.Run cpu =
        smallHeap("cpu.monitor", "--lifetime", "--max", "5", "--proc-root", proc.root().toString());
    assertThat(cpu.stdout().lines().findFirst().orElseThrow()).hasSizeLessThan(600);
    assertThat(cpu.stdout().lines().count()).isGreaterThan(1000);
    assertThat(cpu.exit()).isEqualTo(1);
  }

  @Test
  void longCommandLinesAreNotAllKeptInMemory() throws Exception {
    FakeProc proc = new FakeProc(scratch.resolve("proc"));
    String big = "A".repeat(128 * 1024 - 10);
    for (int pid = 1; pid <= LONG_COMMAND_LINES; pid++) {
      proc.process(pid, "rcl-big").cmdline("rcl-big", big, "#" + pid).ids(65534, 0);
    }
    Executables.Run ps =
        smallHeap(
            "ps.monitor",
            "--proc-root",
            proc.root().toString(),
            "args=#[0-9]+$:400-400",
            "args=#7$:1-1");
    assertThat(ps.stdout()).isEqualTo("2 rules hold: args=#[0-9]+$:400 args=#7$:1\n");
    Executables.Run exclusion =
        smallHeap(
            "exclusion.monitor",
            "--gid0",
            "--allow",
            "args=#1$",
            "--proc-root",
            proc.root().toString());
    assertThat(exclusion.stdout().lines()).hasSize(1 + 399);
    // A detail line shows the first 1000 characters; --explain shows the whole command line.
    assertThat(exclusion.stdout().lines().toList().get(1))
        .endsWith("AAAA... (130073 more characters)");
    Executables.Run cpu =
        smallHeap(
            "cpu.monitor",
            "--lifetime",
            "--exempt",
            "args=#2$",
            "--proc-root",
            proc.root().toString());
    assertThat(cpu.stdout())
        .startsWith(
            "no process over 90% of one CPU averaged over each process's life "
                + "(399 measured, 1 exempt)");
  }

  /**
   * The most mappings the kernel gives a process by default (vm.max_map_count): a JVM or a browser
   * has thousands.
   */
  private static final int MAPPINGS = 65_530;

  @Test
  void processesWithTheMostMappingsFitInA24MegabyteHeap() throws Exception {
    FakeProc proc = new FakeProc(scratch.resolve("proc"));
    StringBuilder maps = new StringBuilder();
    for (int i = 0; i < MAPPINGS; i++) {
      String address = Long.toHexString(0x7f0000000000L + i * 8192L);
      maps.append(address).append("-").append(address.substring(0, 8)).append("1000");
      maps.append(
          i % 100 == 0
              ? " r-xp 00001000 fe:00 " + (1000 + i / 100) + " /usr/lib/jvm/lib" + i / 100 + ".so"
              : " rw-p 00000000 00:00 0 ");
      maps.append(
              i == MAPPINGS - 1
                  ? "\n7f00-7f01 r-xp 00000000 fe:00 7 /usr/lib/libz.so.1 (deleted)"
                  : "")
          .append('\n');
    }
    byte[] big = maps.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    for (int pid = 1; pid <= 2000; pid++) {
      FakeProc.Process process = proc.process(pid, pid <= 4 ? "java" : "rcl").exe("/usr/bin/rcl");
      if (pid <= 4) {
        process.write("maps", big);
      }
    }
    Executables.Run exclusion =
        smallHeap("exclusion.monitor", "--stale-code", "--proc-root", proc.root().toString());
    assertThat(exclusion.stdout().lines().findFirst().orElseThrow())
        .isEqualTo("stale:/usr/bin/rcl");
    assertThat(
            exclusion.stdout().lines().filter(l -> l.contains("runs deleted /usr/lib/libz.so.1")))
        .hasSize(4);
  }

  /**
   * Runs as its own JVM with a 24 MiB heap; an OutOfMemoryError would be an error line and exit 1.
   */
  private static Executables.Run smallHeap(String name, String... args) {
    List<String> java =
        Executables.command(System.getProperty("java.class.path"), List.of(), name, args);
    List<String> command = new ArrayList<>(List.of(java.get(0), "-Xmx24m", "-XX:+UseSerialGC"));
    command.addAll(java.subList(1, java.size()));
    Executables.Run run = Executables.exec(command);
    assertThat(run.stderr()).isEmpty();
    assertThat(run.stdout()).doesNotContain("OutOfMemoryError", ": error:");
    return run;
  }

  private static Set<Long> children() {
    return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
  }

  private static List<Path> listAll(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> !p.equals(root)).toList();
    }
  }
}
