package org.rollcall.core.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcFsTest {
  @TempDir Path root;

  @Test
  void scansOnlyNumericEntriesInPidOrder() throws IOException {
    FakeProc proc = new FakeProc(root);
    proc.process(300, "cron");
    proc.process(7, "sshd");
    proc.process(42, "bash");
    Files.createDirectories(root.resolve("self"));
    Files.createDirectories(root.resolve("sys"));
    Files.writeString(root.resolve("uptime"), "1 2\n");
    Scan scan = proc.fs().scan();
    assertThat(scan.processes()).extracting(ProcessEntry::pid).containsExactly(7, 42, 300);
    assertThat(scan.processes())
        .extracting(ProcessEntry::comm)
        .containsExactly("sshd", "bash", "cron");
    assertThat(scan.isIncomplete()).isFalse();
    assertThat(proc.fs().isLive()).isFalse();
  }

  /**
   * What a scan reads on its threads is read by the time it returns: the files can go after it and
   * the fields stay, for each of the many processes read on two threads and for a lone one.
   */
  @Test
  void aScanWithCredentialsOrCgroupsHasReadThemWhenItReturns() throws IOException {
    for (int count : new int[] {1, ProcFs.PARALLEL_FROM + 1}) {
      Path tree = Files.createDirectories(root.resolve("tree" + count));
      FakeProc proc = new FakeProc(tree);
      for (int pid = 1; pid <= count; pid++) {
        proc.process(pid, "p" + pid)
            .ids(1000 + pid, 0)
            .cgroup("0::/system.slice/p" + pid + ".service");
      }
      ProcFs fs = proc.fs();
      List<Scan> scans =
          List.of(
              fs.scanNamesWithCredentials(),
              fs.scanWithCredentials(),
              fs.scanWithCredentialsAndCgroups());
      for (int pid = 1; pid <= count; pid++) {
        Files.delete(tree.resolve(pid + "/status"));
        Files.delete(tree.resolve(pid + "/cgroup"));
      }
      for (Scan scan : scans) {
        assertThat(scan.processes()).hasSize(count);
        for (ProcessEntry process : scan.processes()) {
          assertThat(process.credentials().value().effectiveUid()).isEqualTo(1000 + process.pid());
        }
      }
      for (ProcessEntry process : scans.get(2).processes()) {
        assertThat(process.cgroup().value().unit()).isEqualTo("p" + process.pid() + ".service");
      }
      assertThat(scans.get(1).processes().get(0).cgroup().isPresent()).isFalse();
    }
  }

  @Test
  void aScanFindsEachOfItsProcessesByPid() {
    FakeProc proc = new FakeProc(root);
    for (int pid : new int[] {1, 7, 42, 300, 301}) {
      proc.process(pid, "p" + pid);
    }
    Scan scan = proc.fs().scan();
    for (int pid : new int[] {1, 7, 42, 300, 301}) {
      assertThat(scan.process(pid)).get().extracting(ProcessEntry::comm).isEqualTo("p" + pid);
    }
    for (int pid : new int[] {0, 2, 43, 299, 302, Integer.MAX_VALUE}) {
      assertThat(scan.process(pid)).isEmpty();
    }
    assertThat(new Scan(List.of(), 0, null).process(1)).isEmpty();
  }

  @Test
  void readsEveryFieldOfAProcess() {
    FakeProc proc = new FakeProc(root);
    proc.process(10, "sshd")
        .status(new int[] {0, 0, 0, 0}, new int[] {0, 0, 0, 0}, new int[] {4})
        .cmdline("/usr/sbin/sshd", "-D")
        .exe("/usr/sbin/sshd")
        .label("system_u:system_r:sshd_t:s0-s0:c0.c1023");
    ProcessEntry entry = proc.fs().process(10).orElseThrow();
    assertThat(entry.credentials().value().groups()).containsExactly(4);
    assertThat(entry.cmdline().value()).containsExactly("/usr/sbin/sshd", "-D");
    assertThat(entry.exe().value()).isEqualTo(new Executable("/usr/sbin/sshd", false));
    assertThat(entry.label().value().type()).isEqualTo("sshd_t");
  }

  @Test
  void missingFieldsAreAbsentWithAReasonNotErrors() throws IOException {
    FakeProc proc = new FakeProc(root);
    proc.process(2, "kthreadd").kernelThread();
    proc.process(3, "sleep").state('Z');
    proc.process(4, "sleep").exe("/usr/bin/sleep (deleted)");
    assertThat(proc.fs().process(2).orElseThrow().exe().whyAbsent())
        .isEqualTo("kernel thread: no executable");
    assertThat(proc.fs().process(3).orElseThrow().exe().whyAbsent())
        .isEqualTo("zombie: no executable");
    ProcessEntry deleted = proc.fs().process(4).orElseThrow();
    assertThat(deleted.exe().value().deleted()).isTrue();
    assertThat(deleted.label().whyAbsent())
        .isEqualTo("no attr/current: the kernel has no security module labels");
    assertThat(deleted.cmdline().value()).isEmpty();
    Files.delete(root.resolve("4/cmdline"));
    assertThat(proc.fs().process(4).orElseThrow().cmdline().whyAbsent())
        .isEqualTo("no cmdline file");
  }

  @Test
  void aProcessThatExitsAfterTheScanIsGone() throws IOException {
    FakeProc proc = new FakeProc(root);
    proc.process(5, "worker").exe("/bin/true");
    Scan scan = proc.fs().scan();
    deleteTree(root.resolve("5"));
    ProcessEntry entry = scan.processes().get(0);
    assertThatThrownBy(entry::credentials).isInstanceOf(ProcessGoneException.class);
    assertThatThrownBy(entry::exe).isInstanceOf(ProcessGoneException.class);
    assertThat(proc.fs().process(5)).isEmpty();
    assertThat(proc.fs().scan().processes()).isEmpty();
  }

  @Test
  void aMalformedStatLeavesItsProcessUnreadableAndNamesTheFile() throws IOException {
    FakeProc proc = new FakeProc(root);
    proc.process(8, "fine");
    proc.process(9, "x").write("stat", "9 garbage".getBytes());
    Scan scan = ProcFs.at(root).scan();
    assertThat(scan.processes()).extracting(ProcessEntry::pid).containsExactly(8);
    assertThat(scan.unreadable()).isEqualTo(1);
    assertThat(scan.malformedReason())
        .isEqualTo("malformed " + root.resolve("9/stat") + ": no (comm) field");
    assertThat(scan.incompletenessNote())
        .isEqualTo(
            "1 process could not be parsed (malformed "
                + root.resolve("9/stat")
                + ": no (comm) field)");
  }

  @Test
  void aMalformedStatusIsAnAbsentFieldNamingTheFile() throws IOException {
    new FakeProc(root).process(9, "x").write("status", "Name:\tx\nUid:\t0\n".getBytes());
    Field<Credentials> ids = ProcFs.at(root).scan().processes().get(0).credentials();
    assertThat(ids.isPresent()).isFalse();
    assertThat(ids.whyAbsent()).startsWith("malformed " + root.resolve("9/status") + ": ");
  }

  @Test
  void manyProcessesAreReadInTwoHalvesAndListedInPidOrder() {
    FakeProc proc = new FakeProc(root);
    int count = ProcFs.PARALLEL_FROM + 11;
    for (int pid = count; pid >= 1; pid--) {
      proc.process(pid, "p" + pid).cmdline("/bin/p" + pid, "-x");
    }
    Scan scan = proc.fs().scan();
    assertThat(scan.processes())
        .extracting(ProcessEntry::pid)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, count).boxed().toList());
    for (ProcessEntry entry : scan.processes()) {
      assertThat(entry.comm()).isEqualTo("p" + entry.pid());
      assertThat(entry.cmdline().value()).containsExactly("/bin/p" + entry.pid(), "-x");
    }
  }

  @Test
  void aMalformedStatInTheOtherHalfIsCountedToo() throws IOException {
    FakeProc proc = new FakeProc(root);
    int count = ProcFs.PARALLEL_FROM;
    for (int pid = 1; pid <= count; pid++) {
      proc.process(pid, "p");
    }
    proc.process(count, "x").write("stat", "garbage".getBytes());
    Scan scan = proc.fs().scan();
    assertThat(scan.processes()).hasSize(count - 1);
    assertThat(scan.malformed()).isEqualTo(1);
    assertThat(scan.malformedReason())
        .isEqualTo("malformed " + root.resolve(count + "/stat") + ": no (comm) field");
  }

  @Test
  void anUnlistableRootIsAClearError() {
    assertThatThrownBy(() -> ProcFs.at(root.resolve("nope")).scan())
        .hasMessageContaining("nope")
        .hasMessageContaining("not a readable directory");
  }

  @Test
  void theLiveProcFsSeesThisJvm() throws IOException {
    ProcFs live = ProcFs.system();
    assertThat(live.isLive()).isTrue();
    int self = (int) ProcessHandle.current().pid();
    ProcessEntry me = live.process(self).orElseThrow();
    assertThat(me.comm()).isEqualTo("java");
    assertThat(me.exe().value().basename()).isEqualTo("java");
    assertThat(me.cmdline().value()).anyMatch(arg -> arg.contains("surefire"));
    assertThat(me.credentials().value().effectiveUid()).isEqualTo(uidOfThisUser());
    assertThat(me.label().isPresent() || me.label().whyAbsent().contains("SELinux not enabled"))
        .isTrue();
    assertThat(live.scan().processes()).extracting(ProcessEntry::pid).contains(self, 1);
  }

  @Test
  void aScanOfNamesSeesWhatAFullScanSees() {
    ProcFs live = ProcFs.system();
    int self = (int) ProcessHandle.current().pid();
    // Processes that cannot exec meanwhile (any other may change its name between the two scans).
    for (int pid : new int[] {1, self}) {
      ProcessEntry full = find(live.scan(), pid);
      ProcessEntry named = find(live.scanNames(), pid);
      assertThat(named.comm()).as("pid %d", pid).isEqualTo(full.comm());
      assertThat(named.stat()).isNotNull();
      assertThat(named.stat().comm()).isEqualTo(named.comm());
      assertThat(named.stat().ppid()).isEqualTo(full.stat().ppid());
      assertThat(named.stat().isKernelThread()).isEqualTo(full.stat().isKernelThread());
    }
  }

  @Test
  void aListedScanReadsNamesAndStatsOnlyWhenAsked() throws Exception {
    ProcFs live = ProcFs.system();
    int self = (int) ProcessHandle.current().pid();
    for (int pid : new int[] {1, self}) {
      ProcessEntry full = find(live.scan(), pid);
      ProcessEntry listed = find(live.scanListed(), pid);
      assertThat(listed.statIfRead()).isNull();
      assertThat(listed.comm()).as("pid %d", pid).isEqualTo(full.comm());
      assertThat(listed.stat().ppid()).isEqualTo(full.stat().ppid());
    }
    Process sleeper = new ProcessBuilder("sleep", "30").start();
    ProcessEntry gone = find(live.scanListed(), (int) sleeper.pid());
    sleeper.destroyForcibly().waitFor();
    assertThatThrownBy(gone::comm).isInstanceOf(ProcessGoneException.class);
  }

  @Test
  void aScanOfNamesOnTwoThreadsListsEveryProcessOnceInPidOrder() {
    ProcFs live = ProcFs.system();
    int self = (int) ProcessHandle.current().pid();
    Scan scan = live.scanNames(2);
    List<Integer> pids = scan.processes().stream().map(ProcessEntry::pid).toList();
    assertThat(pids).contains(1, self).isSorted().doesNotHaveDuplicates();
    assertThat(find(scan, self).comm()).isEqualTo("java");
  }

  /**
   * A live process whose exe link the kernel says is missing runs no executable: known without
   * reading its stat, which a path rule would otherwise read for every kernel thread.
   */
  @Test
  void aLiveZombieRunsNoExecutableAndItsStatIsNotRead() throws Exception {
    // The shell starts a child that exits shortly, then becomes sleep, which never reaps it (a
    // child exiting at once may be reaped by the shell before it execs).
    Process parent =
        new ProcessBuilder("/bin/sh", "-c", "sleep 0.3 & echo $!; exec sleep 60").start();
    try {
      // One line: sleep keeps the pipe open, so reading to its end would wait for sleep.
      int zombie =
          Integer.parseInt(
              new BufferedReader(
                      new InputStreamReader(parent.getInputStream(), StandardCharsets.US_ASCII))
                  .readLine()
                  .trim());
      awaitState(zombie, 'Z');
      ProcessEntry named = find(ProcFs.system().scanNames(), zombie);
      assertThat(named.runsNoExecutable()).isTrue();
      assertThat(named.exe().whyAbsent())
          .isEqualTo("no executable: a kernel thread, a zombie or a process exiting");
      assertThat(named.statIfRead()).isNull();
      ProcessEntry full = find(ProcFs.system().scan(), zombie);
      assertThat(full.runsNoExecutable()).isTrue();
      assertThat(full.exe().whyAbsent()).isEqualTo("zombie: no executable");
      ProcessEntry self = find(ProcFs.system().scanNames(), (int) ProcessHandle.current().pid());
      assertThat(self.runsNoExecutable()).isFalse();
    } finally {
      parent.destroyForcibly().waitFor();
    }
  }

  private static void awaitState(int pid, char state) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (ProcFs.system().process(pid).map(p -> p.stat().state()).orElse('?') != state) {
      assertThat(System.nanoTime())
          .as("pid %d in state %c within 10 s", pid, state)
          .isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static ProcessEntry find(Scan scan, int pid) {
    return scan.processes().stream().filter(p -> p.pid() == pid).findFirst().orElseThrow();
  }

  @Test
  void aSavedTreeIsScannedWholeEvenForNames() {
    FakeProc proc = new FakeProc(root);
    proc.process(7, "sshd").state('Z');
    Scan scan = proc.fs().scanNames();
    assertThat(scan.processes()).extracting(ProcessEntry::comm).containsExactly("sshd");
    assertThat(scan.processes().get(0).stat().isZombie()).isTrue();
  }

  private static int uidOfThisUser() throws IOException {
    return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
