package org.rollcall.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The .deb installed beside Debian's mon, then removed and purged: mon must be exactly as it was.
 */
class DebianPackageIT {
  @Test
  void installsBesideMonAndLeavesMonAsItWas() throws IOException {
    Dpkg.assumeInstallable();
    if (Dpkg.installed("rollcall")) {
      Dpkg.purge();
    }
    Map<String, String> monBefore = Dpkg.snapshot("mon");
    List<String> diversionsBefore = Dpkg.diversions();

    Dpkg.install();
    List<String> diverted = assertPlacement();
    assertThat(Shell.run("dpkg", "-V", "mon").stdout()).as("dpkg -V mon").isEmpty();
    for (String path : diverted) {
      assertThat(Shell.ok("dpkg-divert", "--listpackage", path)).isEqualTo("rollcall\n");
      assertThat(Path.of(path + ".mon")).as("mon's own " + path + ", moved aside").isRegularFile();
    }
    try (Stream<Path> archives = Files.list(Path.of("/var/cache/rollcall"))) {
      assertThat(archives.map(p -> p.getFileName().toString()))
          .as("the archives postinst built for the JDKs in /usr/lib/jvm")
          .anyMatch(name -> name.contains("-17."));
    }
    // A JDK installed or upgraded fires the package's trigger on /usr/lib/jvm: the archives are
    // built again.
    Shell.ok("find", "/var/cache/rollcall", "-type", "f", "-delete");
    Shell.ok("dpkg-trigger", "--no-await", "/usr/lib/jvm");
    Shell.ok("dpkg", "--triggers-only", "--pending");
    try (Stream<Path> archives = Files.list(Path.of("/var/cache/rollcall"))) {
      assertThat(archives.map(p -> p.getFileName().toString()))
          .as("archives rebuilt by the trigger")
          .anyMatch(name -> name.contains("-17."));
    }
    Shell.Result run = Shell.run("/usr/lib/mon/mon.d/ps.monitor", "nosuchdaemon:0-0");
    assertThat(run.stdout()).as(run.shown()).isEqualTo("1 rule holds: nosuchdaemon:0\n");

    Shell.ok("dpkg", "-r", "rollcall");
    assertThat(Dpkg.snapshot("mon")).isEqualTo(monBefore);
    assertThat(Dpkg.diversions()).isEqualTo(diversionsBefore);
    assertThat(Path.of("/usr/share/rollcall")).doesNotExist();
    assertThat(Path.of("/usr/lib/mon/mon.d/ps.monitor")).doesNotExist();
    try (Stream<Path> left = Files.list(Path.of("/var/cache/rollcall"))) {
      assertThat(left).as("archives left after dpkg -r").isEmpty();
    } catch (java.nio.file.NoSuchFileException gone) {
      // dpkg removed the empty directory: nothing left either.
    }
    Dpkg.purge();
    assertThat(Path.of("/var/cache/rollcall")).doesNotExist();
    assertThat(Dpkg.snapshot("mon")).isEqualTo(monBefore);
  }

  /**
   * Checks each executable's link where mon, Nagios and a shell look; returns the mon paths
   * rollcall diverts.
   */
  private static List<String> assertPlacement() throws IOException {
    List<String> monOwned = Files.readAllLines(Path.of("src/main/data/mon-owned-paths"));
    List<String> diverted = new ArrayList<>();
    for (String name : Built.executables()) {
      // Neither a monitor nor an alert (ps.discover): a command a person runs, on the PATH.
      String dir =
          name.endsWith(".alert")
              ? "/usr/lib/mon/alert.d/"
              : name.endsWith(".monitor") ? "/usr/lib/mon/mon.d/" : "/usr/bin/";
      assertThat(Path.of(dir + name).toRealPath()).as(name).isEqualTo(Dpkg.LAUNCHER);
      if (monOwned.contains(dir + name)) {
        diverted.add(dir + name);
      }
    }
    for (String name : Built.nagiosNames()) {
      assertThat(Path.of("/usr/lib/nagios/plugins", name).toRealPath())
          .as(name)
          .isEqualTo(Dpkg.LAUNCHER);
    }
    assertThat(Path.of("/usr/bin/rollcall").toRealPath()).isEqualTo(Dpkg.LAUNCHER);
    for (String name :
        Stream.concat(Stream.of("rollcall"), Built.executables().stream()).toList()) {
      assertThat(Shell.ok("man", "-w", name))
          .as("man finds " + name)
          .isEqualTo("/usr/share/man/man1/" + name + ".1.gz\n");
    }
    for (String name : Built.nagiosNames()) {
      String monitor = name.substring("check_rollcall_".length()) + ".monitor";
      assertThat(Shell.ok("man", "-w", name))
          .as("man finds " + name + " through its .so link")
          .isEqualTo("/usr/share/man/man1/" + monitor + ".1.gz\n");
    }
    return diverted;
  }
}
