package org.rollcall.core.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rollcall.core.text.Glob;

class UnitMembersTest {
  @TempDir Path root;

  /** A systemd server's hierarchy: control files beside the cgroups, as the kernel lays them. */
  private UnitMembers hierarchy() throws IOException {
    cgroup("", 1, 2);
    cgroup("init.scope", 1);
    cgroup("system.slice");
    cgroup("system.slice/ssh.service", 100);
    cgroup("system.slice/ssh.service/delegated", 105);
    cgroup("system.slice/cron.service", 200);
    cgroup("system.slice/postgresql@15-main.service", 300, 301);
    cgroup("user.slice/user-1000.slice/session-3.scope", 101, 102);
    cgroup("user.slice/user-1000.slice/user@1000.service/app.slice/ssh.service", 400);
    cgroup("machine.slice/libpod-9a2b.scope/container", 500);
    cgroup("docker/4f1c", 600);
    return new UnitMembers(root);
  }

  /** A cgroup with its processes; each parent it makes holds a cgroup.procs too, as all do. */
  private void cgroup(String path, int... pids) throws IOException {
    Path dir = Files.createDirectories(root.resolve(path));
    for (Path up = dir.getParent(); up.startsWith(root); up = up.getParent()) {
      if (!Files.exists(up.resolve("cgroup.procs"))) {
        Files.writeString(up.resolve("cgroup.procs"), "");
      }
    }
    StringBuilder procs = new StringBuilder();
    for (int pid : pids) {
      procs.append(pid).append('\n');
    }
    Files.writeString(dir.resolve("cgroup.procs"), procs);
    Files.writeString(dir.resolve("memory.current"), "4096\n");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ssh.service          | 100 105",
        "*.service            | 100 105 200 300 301 400",
        "postgresql@*.service | 300 301",
        "session-*.scope      | 101 102",
        "user@1000.service    | 400",
        "*.scope              | 1 101 102 500",
        "delegated            | ",
      })
  void listsTheProcessesOfTheUnitsAGlobMatches(String glob, String pids) throws IOException {
    assertThat(hierarchy().of(Glob.of(glob)))
        .containsExactlyInAnyOrderElementsOf(
            pids == null
                ? java.util.List.of()
                : java.util.Arrays.stream(pids.split(" ")).map(Integer::valueOf).toList());
  }

  /** The walk against each process's own cgroup file on this machine: the same unit for all. */
  @Test
  void agreesWithEachProcessesCgroupFileHere() {
    ProcFs fs = ProcFs.system();
    Field<UnitMembers> members = UnitMembers.open(fs);
    org.junit.jupiter.api.Assumptions.assumeTrue(
        members.isPresent(), () -> "no walk here: " + members.whyAbsent());
    Scan scan = fs.scan();
    for (String glob : new String[] {"*", "*.service", "*.scope", "ssh.service"}) {
      int agreed = 0;
      for (ProcessEntry process : scan.processes()) {
        Optional<String> unit = unitFromFile(process);
        if (unit != null && process.stat().starttime() > 0) {
          assertThat(process.inUnit(Glob.of(glob)).value())
              .as("%s in %s", process, glob)
              .isEqualTo(unit.isPresent() && Glob.of(glob).matches(unit.get()));
          agreed++;
        }
      }
      assertThat(agreed).isGreaterThan(10);
    }
  }

  /** The unit the file names, empty for none; null for a process gone or a zombie. */
  private static Optional<String> unitFromFile(ProcessEntry process) {
    try {
      if (process.stat().isZombie()) {
        return null;
      }
      Field<ControlGroup> group = process.cgroup();
      return group.isPresent() ? Optional.ofNullable(group.value().unit()) : null;
    } catch (ProcessGoneException e) {
      return null;
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'12\n345\n6\n' | 345 | true",
        "'345' | 345 | true",
        "'345\n' | 345 | true",
        "'1345\n3456\n' | 345 | false",
        "'1345\n345' | 345 | true",
        "'' | 345 | false",
        "'34\n5\n' | 345 | false"
      })
  void findsOurPidOnlyAsAWholeLine(String text, String pid, boolean listed) {
    assertThat(UnitMembers.listsLine(text.replace("\\n", "\n"), pid)).isEqualTo(listed);
  }
}
