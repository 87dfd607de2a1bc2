package org.rollcall.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diversion of a file mon owns, before the alerts module ships one: the package staged again
 * (the same stage.sh and maintainer scripts) with an extra jar registering file.alert, packed with
 * dpkg-deb, installed beside mon and removed. mon's file.alert must move aside while rollcall's is
 * installed and come back byte for byte.
 */
class DiversionIT {
  private static final Path FILE_ALERT = Path.of("/usr/lib/mon/alert.d/file.alert");

  @Test
  void monsFileAlertIsDivertedWhileInstalledAndBackAfterRemoval(@TempDir Path target)
      throws Exception {
    Dpkg.assumeInstallable();
    if (Dpkg.installed("rollcall")) {
      Dpkg.purge();
    }
    Path deb = stageWithFileAlert(target);
    Map<String, String> monBefore = Dpkg.snapshot("mon");
    String monsAlert = monBefore.get(FILE_ALERT.toString());
    List<String> diversionsBefore = Dpkg.diversions();

    Shell.ok("dpkg", "-i", deb.toString());
    try {
      assertThat(FILE_ALERT.toRealPath()).isEqualTo(Dpkg.LAUNCHER);
      assertThat(Shell.ok("dpkg-divert", "--listpackage", FILE_ALERT.toString()))
          .isEqualTo("rollcall\n");
      assertThat(Shell.ok("dpkg-divert", "--truename", FILE_ALERT.toString()))
          .isEqualTo(FILE_ALERT + ".mon\n");
      assertThat(Dpkg.snapshot("mon").get(FILE_ALERT.toString()))
          .as("mon's file.alert, as dpkg -L mon names it")
          .isNotEqualTo(monsAlert);
      assertThat(Files.readString(Path.of(FILE_ALERT + ".mon"))).contains("open (F, \">>$file\")");
      assertThat(Shell.run("dpkg", "-V", "mon").stdout()).as("dpkg -V mon").isEmpty();
    } finally {
      Shell.ok("dpkg", "-r", "rollcall");
    }
    assertThat(Dpkg.snapshot("mon")).isEqualTo(monBefore);
    assertThat(Dpkg.diversions()).isEqualTo(diversionsBefore);
    assertThat(Path.of(FILE_ALERT + ".mon")).doesNotExist();
    Dpkg.purge();
  }

  /**
   * Runs stage.sh on the built jars plus one registering file.alert, and packs its tree with
   * dpkg-deb.
   */
  private static Path stageWithFileAlert(Path target) throws IOException {
    Path lib = Files.createDirectories(target.resolve("dist-lib"));
    try (Stream<Path> jars = Files.list(Built.TARGET.resolve("dist-lib"))) {
      for (Path jar : jars.toList()) {
        Files.copy(jar, lib.resolve(jar.getFileName()));
      }
    }
    try (OutputStream out = Files.newOutputStream(lib.resolve("fake-alerts.jar"));
        JarOutputStream jar = new JarOutputStream(out)) {
      jar.putNextEntry(new JarEntry("META-INF/rollcall/file.alert"));
      jar.write("org.rollcall.monitors.nagios.NagiosMonitor\n".getBytes(StandardCharsets.UTF_8));
    }
    Path man = Files.createDirectories(target.resolve("man/man1"));
    Shell.ok(
        "cp", "-r", Built.TARGET.resolve("man/man1").toString(), target.resolve("man").toString());
    Files.writeString(man.resolve("file.alert.1"), ".TH FILE.ALERT 1\n");
    Shell.ok(
        "bash",
        "src/main/sh/stage.sh",
        target.toString(),
        Built.VERSION,
        System.getProperty("java.home"));

    Path root = Files.createDirectories(target.resolve("root"));
    Shell.ok("tar", "-C", root.toString(), "-xzf", target.resolve("deb-data.tar.gz").toString());
    Shell.ok(
        "cp", "-r", target.resolve("deb-control").toString(), root.resolve("DEBIAN").toString());
    Path deb = target.resolve("rollcall-with-file-alert.deb");
    Shell.ok("dpkg-deb", "--root-owner-group", "-b", root.toString(), deb.toString());
    return deb;
  }
}
