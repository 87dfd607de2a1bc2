package org.rollcall.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's class-data archive: built at install time per JDK, only read at run time, never an error. */
class ClassDataArchiveIT {
  @TempDir
  Path unpacked;
  Path home;

  @BeforeEach
  void unpack() {
    Shell.ok("tar", "-C", unpacked.toString(), "-xzf", Built.tarball().toString());
    home = unpacked.resolve("rollcall-" + Built.VERSION);
  }

  @Test
  void theArchiveIsBuiltOnRequestThenReadByEveryRun(@TempDir Path work) throws IOException {
    Traced.assumeStrace();
    Path stale = Files.writeString(home.resolve("cds/rollcall-0.0.1-some-jdk-17.0.1.jsa"), "old");
    Shell.Result build = Shell.run(Map.of("JAVA_HOME", jdk17().toString()), List.of(launcher(), "--build-archives"));
    assertThat(build.exit()).as(build.shown()).isZero();
    Path archive = onlyArchive();
    assertThat(build.stdout()).isEqualTo("rollcall: wrote " + archive + "\n");
    assertThat(archive.getFileName().toString()).endsWith(".jsa").contains("-" + Built.VERSION + "-");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive))).isEqualTo("rw-r--r--");
    assertThat(stale).doesNotExist();

    Traced run = Traced.run(work, List.of("env", "JAVA_HOME=" + jdk17(), monitor(), "nosuchdaemon:0-0"));
    assertThat(run.result().stdout()).isEqualTo("1 rule holds: nosuchdaemon:0\n");
    assertThat(run.opened(archive.toString())).as("the archive opened by the run").isNotEmpty();
    assertThat(run.filesCreated()).isEmpty();
  }

  @Test
  void aCorruptArchiveOnlyCostsSpeed() throws IOException {
    Shell.ok("env", "JAVA_HOME=" + jdk17(), launcher(), "--build-archives");
    Files.write(onlyArchive(), "not an archive".repeat(1000).getBytes(StandardCharsets.US_ASCII));
    Shell.Result run = Shell.run(Map.of("JAVA_HOME", jdk17().toString()), List.of(monitor(), "nosuchdaemon:0-0"));
    assertThat(run.stdout()).as(run.shown()).isEqualTo("1 rule holds: nosuchdaemon:0\n");
    assertThat(run.stderr()).isEmpty();
    assertThat(run.exit()).isZero();
  }

  @Test
  void onJdk24AndLaterItIsAnAotCache(@TempDir Path work) throws IOException {
    Optional<Path> jdk = Jdks.installed().stream().filter(j -> Jdks.feature(j) >= 24).findFirst();
    assumeTrue(jdk.isPresent(), "no JDK 24 or later in /usr/lib/jvm (e.g. Temurin 25)");
    Traced.assumeStrace();
    Shell.Result build = Shell.run(Map.of("JAVA_HOME", jdk.get().toString()), List.of(launcher(), "--build-archives"));
    assertThat(build.exit()).as(build.shown()).isZero();
    Path archive = onlyArchive();
    assertThat(archive.getFileName().toString()).endsWith(".aot");
    Traced run = Traced.run(work, List.of("env", "JAVA_HOME=" + jdk.get(), monitor(), "nosuchdaemon:0-0"));
    assertThat(run.result().stdout()).as(run.result().shown()).isEqualTo("1 rule holds: nosuchdaemon:0\n");
    assertThat(run.result().stderr()).isEmpty();
    assertThat(run.opened(archive.toString())).isNotEmpty();
  }

  private Path onlyArchive() throws IOException {
    try (Stream<Path> files = Files.list(home.resolve("cds"))) {
      List<Path> all = files.toList();
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }

  private static Path jdk17() {
    return Path.of(System.getProperty("java.home"));
  }

  private String launcher() {
    return home.resolve("bin/rollcall").toString();
  }

  private String monitor() {
    return home.resolve("bin/ps.monitor").toString();
  }
}
