package org.rollcall.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data archive: built at install time per JDK, only read at run time, never an
 * error.
 */
class ClassDataArchiveIT {
  @TempDir Path unpacked;
  Path home;

  /** An unpacked tarball with its archives built, shared by the tests that only read them. */
  @TempDir static Path shared;

  private static Path sharedHome;

  @BeforeEach
  void unpack() {
    Shell.ok("tar", "-C", unpacked.toString(), "-xzf", Built.tarball().toString());
    home = unpacked.resolve("rollcall-" + Built.VERSION);
  }

  /** Reads the shared tree's archives from here on: built once (about 12 s) for every such test. */
  private void useSharedArchives() {
    if (sharedHome == null) {
      Shell.ok("tar", "-C", shared.toString(), "-xzf", Built.tarball().toString());
      Path built = shared.resolve("rollcall-" + Built.VERSION);
      Shell.ok(
          "env",
          "JAVA_HOME=" + jdk17(),
          built.resolve("bin/rollcall").toString(),
          "--build-archives");
      sharedHome = built;
    }
    home = sharedHome;
  }

  @Test
  void theArchivesAreBuiltOnRequestThenReadByEveryRun(@TempDir Path work) throws IOException {
    Traced.assumeStrace();
    Path stale = Files.writeString(home.resolve("cds/rollcall-0.0.1-some-jdk-17.0.1.jsa"), "old");
    Shell.Result build =
        Shell.run(Map.of("JAVA_HOME", jdk17().toString()), List.of(launcher(), "--build-archives"));
    assertThat(build.exit()).as(build.shown()).isZero();
    assertThat(archives()).hasSize(2);
    Path plain = plainArchive();
    Path whole = Path.of(plain.toString().replaceFirst("-plain\\.jsa$", ".jsa"));
    assertThat(archives()).containsExactlyInAnyOrder(whole, plain);
    assertThat(build.stdout())
        .isEqualTo("rollcall: wrote " + whole + "\nrollcall: wrote " + plain + "\n");
    assertThat(whole.getFileName().toString()).endsWith(".jsa").contains("-" + Built.VERSION + "-");
    for (Path archive : archives()) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive)))
          .isEqualTo("rw-r--r--");
    }
    assertThat(Files.size(plain))
        .as("the plain runs' archive")
        .isLessThan(Files.size(whole) * 3 / 4);
    assertThat(stale).doesNotExist();

    Traced run =
        Traced.run(
            Files.createDirectories(work.resolve("plain")),
            List.of("env", "JAVA_HOME=" + jdk17(), monitor(), "nosuchdaemon:0-0"));
    assertThat(run.result().stdout()).isEqualTo("1 rule holds: nosuchdaemon:0\n");
    assertThat(run.opened(plain.toString()))
        .as("the plain archive opened by a plain run")
        .isNotEmpty();
    assertThat(run.opened(whole.toString())).isEmpty();
    assertThat(run.filesCreated()).isEmpty();

    Traced withOption =
        Traced.run(
            Files.createDirectories(work.resolve("option")),
            List.of(
                "env", "JAVA_HOME=" + jdk17(), monitor(), "--timeout", "20", "nosuchdaemon:0-0"));
    assertThat(withOption.result().stdout()).isEqualTo("1 rule holds: nosuchdaemon:0\n");
    assertThat(withOption.opened(whole.toString()))
        .as("the whole archive opened by a run with options")
        .isNotEmpty();
    assertThat(withOption.opened(plain.toString())).isEmpty();
    assertThat(withOption.filesCreated()).isEmpty();
  }

  /**
   * Everything a plain run loads comes from the plain archive: none of its classes is read from a
   * jar.
   */
  @Test
  void thePlainArchiveHoldsThePlainRunsClasses(@TempDir Path state)
      throws IOException, InterruptedException {
    useSharedArchives();
    // cpu.monitor as under mon: measuring since the sample an earlier run left in MON_STATEDIR over
    // a second ago.
    Map<String, String> mon = Map.of("MON_STATEDIR", state.toString());
    // Any busy process on the machine may fail it (exit 1): it is run for the sample it leaves, not
    // its verdict.
    Shell.Result seed =
        Shell.run(
            "env",
            "JAVA_HOME=" + jdk17(),
            "MON_STATEDIR=" + state,
            launcher(),
            "cpu.monitor",
            "--sample",
            "0.2");
    assertThat(seed.exit()).as(seed.stdout()).isBetween(0, 1);
    try (var files = Files.list(state)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("the sample left")
          .contains("cpu.monitor.state");
    }
    for (List<String> args :
        List.of(
            List.of("ps.monitor", "sshd:0-", "user=root:0-"),
            List.of("exclusion.monitor"),
            List.of("ps.monitor", "--nagios", "sshd:0-"),
            List.of("exclusion.monitor", "--nagios"),
            List.of("procs.monitor", "--nagios", "-C", "sshd", "-c", "1:"),
            List.of("procs.monitor", "-w", "250", "-c", "@400:500", "-m", "RSS", "-u", "root"),
            List.of("cpu.monitor"))) {
      Thread.sleep(1100);
      List<String> command = new ArrayList<>(jvmCommand(mon, args));
      command.add(1, "-Xshare:on");
      command.add(command.indexOf("-Xlog:disable") + 1, "-Xlog:class+load=info");
      assertThat(command).contains("-XX:SharedArchiveFile=" + plainArchive());
      Thread.sleep(1100);
      Shell.Result run = Shell.run(mon, command);
      assertThat(run.stdout().lines().filter(l -> !l.contains("[class,load]")))
          .as("the report of %s", args)
          .noneMatch(l -> l.contains(" s sample"));
      List<String> lines = run.stdout().lines().filter(l -> l.contains("[class,load]")).toList();
      assertThat(lines).as(run.shown()).hasSizeGreaterThan(500);
      assertThat(lines)
          .as("classes of %s read from outside the plain archive", args)
          .allMatch(l -> l.endsWith("source: shared objects file"));
    }
  }

  /**
   * ps.discover, run by a person rather than by mon, is trained too: without arguments it takes the
   * plain path and the plain archive, with an option picocli and the whole archive; either run
   * reads every class from its archive, none from a jar.
   */
  @Test
  void theWholeArchiveHoldsPsDiscoversClasses() throws IOException {
    useSharedArchives();
    for (List<String> args :
        List.of(List.of("ps.discover"), List.of("ps.discover", "--format", "nagios"))) {
      List<String> command = new ArrayList<>(jvmCommand(Map.of(), args));
      command.add(1, "-Xshare:on");
      command.add(command.indexOf("-Xlog:disable") + 1, "-Xlog:class+load=info");
      Path archive =
          args.size() == 1
              ? plainArchive()
              : Path.of(plainArchive().toString().replace("-plain", ""));
      assertThat(command).contains("-XX:SharedArchiveFile=" + archive);
      Shell.Result run = Shell.run(Map.of(), command);
      assertThat(run.exit()).as(run.shown()).isZero();
      List<String> lines = run.stdout().lines().filter(l -> l.contains("[class,load]")).toList();
      assertThat(lines)
          .as("ps.discover's own classes loaded")
          .anyMatch(l -> l.contains("org.rollcall.monitors.discover.Census "));
      // What no static archive of JDK 17 holds: picocli's annotation proxies, spun method handles.
      assertThat(lines)
          .as("classes of %s read from a jar or the JDK's modules, not the archive", args)
          .allMatch(
              l ->
                  l.endsWith("source: shared objects file")
                      || l.endsWith("source: __dynamic_proxy__")
                      || l.endsWith("source: __JVM_LookupDefineClass__"));
    }
  }

  /**
   * The JVM command the launcher runs for {@code args}: the argument vector of its execve(2) of
   * java, as strace shows it (a shell's own trace, from sh -x, comes in pieces that the launcher's
   * and its child's writes can interleave).
   */
  private List<String> jvmCommand(Map<String, String> env, List<String> args) throws IOException {
    Traced.assumeStrace();
    List<String> command = new ArrayList<>(List.of("env", "JAVA_HOME=" + jdk17(), launcher()));
    command.addAll(args);
    Traced run = Traced.run(Files.createTempDirectory(unpacked, "execve"), env, "execve", command);
    // The launcher starts the JVM as its child (it stays to forward signals): the one java.
    String execve =
        run.syscalls().stream()
            .filter(l -> l.matches("\\d+ +execve\\(\"[^\"]*/bin/java\", \\[.*"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no java executed: " + run.result().shown()));
    String vector = execve.substring(execve.indexOf('[') + 1, execve.indexOf("], "));
    List<String> words = new ArrayList<>();
    // Each argument is a C string in double quotes; the launcher's need no escapes.
    for (int open = vector.indexOf('"'); open >= 0; ) {
      int close = vector.indexOf('"', open + 1);
      String word = vector.substring(open + 1, close);
      assertThat(word).as("no escape to undo").doesNotContain("\\");
      words.add(word);
      open = vector.indexOf('"', close + 1);
    }
    return words;
  }

  @Test
  void aCorruptArchiveOnlyCostsSpeed() throws IOException {
    Shell.ok("env", "JAVA_HOME=" + jdk17(), launcher(), "--build-archives");
    for (Path archive : archives()) {
      Files.write(archive, "not an archive".repeat(1000).getBytes(StandardCharsets.US_ASCII));
    }
    Shell.Result run =
        Shell.run(Map.of("JAVA_HOME", jdk17().toString()), List.of(monitor(), "nosuchdaemon:0-0"));
    assertThat(run.stdout()).as(run.shown()).isEqualTo("1 rule holds: nosuchdaemon:0\n");
    assertThat(run.stderr()).isEmpty();
    assertThat(run.exit()).isZero();
  }

  @Test
  void onJdk24AndLaterTheyAreAotCaches(@TempDir Path work) throws IOException {
    Optional<Path> jdk = Jdks.installed().stream().filter(j -> Jdks.feature(j) >= 24).findFirst();
    assumeTrue(jdk.isPresent(), "no JDK 24 or later in /usr/lib/jvm (e.g. Temurin 25)");
    Traced.assumeStrace();
    Shell.Result build =
        Shell.run(
            Map.of("JAVA_HOME", jdk.get().toString()), List.of(launcher(), "--build-archives"));
    assertThat(build.exit()).as(build.shown()).isZero();
    assertThat(archives()).allMatch(a -> a.toString().endsWith(".aot"));
    // One plain cache per executable with a plain training line, named after it.
    Path plain = archiveEndingIn("-plain-ps.monitor.aot");
    Path procs = archiveEndingIn("-plain-procs.monitor.aot");
    Path whole = Path.of(plain.toString().replaceFirst("-plain-ps\\.monitor\\.aot$", ".aot"));
    assertThat(archives())
        .containsExactlyInAnyOrder(
            whole,
            plain,
            procs,
            archiveEndingIn("-plain-exclusion.monitor.aot"),
            archiveEndingIn("-plain-cpu.monitor.aot"),
            archiveEndingIn("-plain-ps.discover.aot"));
    assertThat(build.stdout().lines())
        .containsExactlyInAnyOrderElementsOf(
            archives().stream().map(a -> "rollcall: wrote " + a).toList());

    Traced procsRun =
        Traced.run(
            Files.createDirectories(work.resolve("procs")),
            List.of(
                "env",
                "JAVA_HOME=" + jdk.get(),
                home.resolve("bin/check_rollcall_procs").toString(),
                "-C",
                "nosuchdaemon",
                "-c",
                "0"));
    assertThat(procsRun.result().stdout()).as(procsRun.result().shown()).startsWith("PROCS OK: 0");
    assertThat(procsRun.opened(procs.toString())).isNotEmpty();
    assertThat(procsRun.opened(plain.toString())).isEmpty();

    Traced run =
        Traced.run(
            Files.createDirectories(work.resolve("plain")),
            List.of("env", "JAVA_HOME=" + jdk.get(), monitor(), "nosuchdaemon:0-0"));
    assertThat(run.result().stdout())
        .as(run.result().shown())
        .isEqualTo("1 rule holds: nosuchdaemon:0\n");
    assertThat(run.result().stderr()).isEmpty();
    assertThat(run.opened(plain.toString())).isNotEmpty();
    assertThat(run.opened(whole.toString())).isEmpty();

    Traced withOption =
        Traced.run(
            Files.createDirectories(work.resolve("option")),
            List.of(
                "env", "JAVA_HOME=" + jdk.get(), monitor(), "--timeout", "20", "nosuchdaemon:0-0"));
    assertThat(withOption.result().stdout())
        .as(withOption.result().shown())
        .isEqualTo("1 rule holds: nosuchdaemon:0\n");
    assertThat(withOption.result().stderr()).isEmpty();
    assertThat(withOption.opened(whole.toString())).isNotEmpty();
    assertThat(withOption.opened(plain.toString())).isEmpty();
  }

  /** The one archive whose name ends in {@code suffix}. */
  private Path archiveEndingIn(String suffix) throws IOException {
    List<Path> found = archives().stream().filter(a -> a.toString().endsWith(suffix)).toList();
    assertThat(found).as("the archive ending in %s", suffix).hasSize(1);
    return found.get(0);
  }

  private List<Path> archives() throws IOException {
    try (Stream<Path> files = Files.list(home.resolve("cds"))) {
      return files.toList();
    }
  }

  private Path plainArchive() throws IOException {
    return archives().stream()
        .filter(a -> a.toString().endsWith("-plain.jsa"))
        .findFirst()
        .orElseThrow();
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
