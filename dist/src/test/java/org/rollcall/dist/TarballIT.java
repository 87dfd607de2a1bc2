package org.rollcall.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tarball unpacked where a sysadmin would, its launcher run as mon and Nagios run it. */
class TarballIT {
  @TempDir static Path unpacked;
  static Path home;

  @BeforeAll
  static void unpack() throws IOException {
    Shell.ok("tar", "-C", unpacked.toString(), "-xzf", Built.tarball().toString());
    home = unpacked.resolve("rollcall-" + Built.VERSION);
    Shell.ok("chmod", "-R", "a+rX", unpacked.toString());
  }

  @Test
  void everyRegisteredExecutableAndNagiosNameIsALinkToTheOneLauncher() throws IOException {
    List<String> names = Built.executables();
    assertThat(names).contains("ps.monitor", "nagios.monitor");
    for (String name : Stream.concat(names.stream(), Built.nagiosNames().stream()).toList()) {
      Path link = home.resolve("bin").resolve(name);
      assertThat(Files.readSymbolicLink(link)).as(name).isEqualTo(Path.of("rollcall"));
    }
    assertThat(Built.nagiosNames())
        .contains("check_rollcall_ps")
        .doesNotContain("check_rollcall_nagios");
    for (String name : Stream.concat(Stream.of("rollcall"), names.stream()).toList()) {
      assertThat(home.resolve("man/man1/" + name + ".1")).as("man page of " + name).isRegularFile();
    }
    for (String name : Built.nagiosNames()) {
      String monitor = name.substring("check_rollcall_".length()) + ".monitor";
      assertThat(home.resolve("man/man1/" + name + ".1"))
          .as("man page of " + name)
          .hasContent(".so man1/" + monitor + ".1");
    }
    assertThat(home.resolve("man/man5/rollcall-rules.5")).isRegularFile();
    for (String page : List.of("mon.md", "nagios.md", "nrpe.md", "icinga2.md")) {
      assertThat(home.resolve("docs").resolve(page))
          .as("the walkthrough the pages point to")
          .hasSameTextualContentAs(Path.of("../docs").resolve(page));
    }
  }

  @Test
  void aMonitorReportsARealProcessComingAndGoing(@TempDir Path bin) throws Exception {
    try (Sleeper sleeper = new Sleeper(bin).start()) {
      Shell.Result up = Shell.run(bin("ps.monitor"), sleeper.name() + ":1-1");
      assertThat(up.stdout()).as(up.shown()).isEqualTo("1 rule holds: " + sleeper.name() + ":1\n");
      assertThat(up.exit()).isZero();
      sleeper.stop();
      Shell.Result down = Shell.run(bin("ps.monitor"), sleeper.name() + ":1-1");
      assertThat(down.stdout())
          .startsWith(sleeper.name() + ":0\n" + sleeper.name() + ":1-1 has 0 matching");
      assertThat(down.exit()).isEqualTo(1);
      assertThat(down.stderr()).isEmpty();
    }
  }

  @Test
  void aNagiosNameSpeaksNagiosWithoutFlags(@TempDir Path bin) throws Exception {
    try (Sleeper sleeper = new Sleeper(bin).start()) {
      Shell.Result ok = Shell.run(bin("check_rollcall_ps"), sleeper.name() + ":1-1");
      assertThat(ok.stdout())
          .startsWith("PS OK: 1 rule holds: " + sleeper.name() + ":1 | " + sleeper.name() + "=1;");
      assertThat(ok.exit()).isZero();
    }
    Shell.Result critical = Shell.run(bin("check_rollcall_ps"), "nosuchdaemon:1-");
    assertThat(critical.stdout())
        .startsWith("PS CRITICAL: 1 of 1 failed: nosuchdaemon:0 | nosuchdaemon=0;;1:;0\n");
    assertThat(critical.exit()).isEqualTo(2);
    Shell.Result usage = Shell.run(bin("check_rollcall_ps"), "--bogus");
    assertThat(usage.stdout())
        .startsWith("PS UNKNOWN: check_rollcall_ps: Unknown option: '--bogus'")
        .endsWith("(see check_rollcall_ps --help)\n");
    assertThat(usage.exit()).isEqualTo(3);
    Shell.Result help = Shell.run(bin("check_rollcall_ps"), "--help");
    assertThat(help.stdout())
        .contains("\nUsage: check_rollcall_ps [")
        .doesNotContain("ps.monitor [");
    assertThat(help.exit()).isEqualTo(3);
  }

  @Test
  void javaOptionsFromTheEnvironmentNeverReachTheOutput() {
    Map<String, String> env = new HashMap<>();
    env.put("JAVA_TOOL_OPTIONS", "-Xmx1m");
    env.put("_JAVA_OPTIONS", "-XX:+PrintFlagsFinal");
    env.put("JDK_JAVA_OPTIONS", "-verbose:class");
    Shell.Result run = Shell.run(env, List.of(bin("ps.monitor"), "nosuchdaemon:0-0"));
    assertThat(run.stdout()).isEqualTo("1 rule holds: nosuchdaemon:0\n");
    assertThat(run.stderr()).isEmpty();
    assertThat(run.exit()).isZero();
  }

  /**
   * mon and cron often run with no locale at all, whose character set is ASCII: the JVM would read
   * a rule naming "rcé..." as "rc??..." and never match the process, and a path rule with it would
   * end in an error. The name goes through printf escapes, so this JVM's own locale does not matter
   * either.
   */
  @Test
  void aNonAsciiNameAndPathMatchUnderAnyLocale(@TempDir Path dir) throws Exception {
    String digits = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    String name = "rc\u00e9" + digits;
    String setName = "n=$(printf 'rc\\303\\251" + digits + "'); ";
    Process sleeper =
        new ProcessBuilder(
                "/bin/sh",
                "-c",
                setName + "cp /bin/sleep \"$0/$n\" && exec \"$0/$n\" 3600",
                dir.toString())
            .start();
    try {
      awaitComm(sleeper.pid(), name);
      // en_US.UTF-8 and garbage.UTF-8 are not generated here (locale -a): glibc falls back to
      // ASCII, whatever the name says.
      for (String locale :
          new String[] {
            null, "C", "POSIX", "en_US.ISO-8859-1", "C.UTF-8", "en_US.UTF-8", "garbage.UTF-8"
          }) {
        Map<String, String> env = new HashMap<>();
        env.put("LANG", null);
        env.put("LC_CTYPE", null);
        env.put("LC_ALL", locale);
        Shell.Result byName =
            Shell.run(
                env,
                List.of("/bin/sh", "-c", setName + "exec \"$0\" \"$n:1-1\"", bin("ps.monitor")));
        assertThat(byName.stdout())
            .as("LC_ALL=" + locale + "\n" + byName.shown())
            .isEqualTo("1 rule holds: " + name + ":1\n");
        Shell.Result byPath =
            Shell.run(
                env,
                List.of(
                    "/bin/sh",
                    "-c",
                    setName + "exec \"$0\" \"$1/$n:1-1\"",
                    bin("ps.monitor"),
                    dir.toString()));
        // One match either way; a sandbox whose PID 1 hides its executable leaves that one
        // undecided ("1?").
        assertThat(byPath.stdout())
            .as("LC_ALL=" + locale + "\n" + byPath.shown())
            .matches("(1 rule holds: )?" + Pattern.quote(dir + "/" + name) + ":1\\??\n(?s).*");
      }
    } finally {
      Shell.stop(sleeper);
    }
  }

  /**
   * The programs rollcall starts see the caller's locale, not the one the launcher gave the JVM.
   */
  @Test
  void aPluginRunsInTheCallersLocale() {
    String plugin =
        "echo \"OK - LC_ALL=${LC_ALL-unset} LC_CTYPE=${LC_CTYPE-unset} "
            + "noted=${ROLLCALL_CALLER_LOCALE-unset}\"";
    Map<String, String> posix = new HashMap<>();
    posix.put("LANG", null);
    posix.put("LC_CTYPE", null);
    posix.put("LC_ALL", null);
    assertThat(
            Shell.run(posix, List.of(bin("nagios.monitor"), "--", "/bin/sh", "-c", plugin))
                .stdout())
        .contains("LC_ALL=unset LC_CTYPE=unset noted=unset");
    Map<String, String> latin = new HashMap<>(posix);
    latin.put("LC_CTYPE", "");
    latin.put("LC_ALL", "de_DE.ISO-8859-1");
    assertThat(
            Shell.run(latin, List.of(bin("nagios.monitor"), "--", "/bin/sh", "-c", plugin))
                .stdout())
        .contains("LC_ALL=de_DE.ISO-8859-1 LC_CTYPE= noted=unset");
    Map<String, String> utf8 = new HashMap<>(posix);
    utf8.put("LANG", "C.UTF-8");
    utf8.put("LC_CTYPE", "POSIX");
    assertThat(
            Shell.run(utf8, List.of(bin("nagios.monitor"), "--", "/bin/sh", "-c", plugin)).stdout())
        .contains("LC_ALL=unset LC_CTYPE=POSIX noted=unset");
  }

  private static void awaitComm(long pid, String name) throws Exception {
    Path comm = Path.of("/proc/" + pid + "/comm");
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!(Files.exists(comm)
        && new String(Files.readAllBytes(comm), StandardCharsets.UTF_8).equals(name + "\n"))) {
      assertThat(System.nanoTime())
          .as("process " + pid + " named " + name + " within 10 s")
          .isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void withoutAJavaRuntimeItSaysSoInOneLine(@TempDir Path tools) throws IOException {
    for (String tool : List.of("readlink", "uname")) {
      Files.createSymbolicLink(tools.resolve(tool), Path.of("/usr/bin", tool));
    }
    Map<String, String> env = new HashMap<>();
    env.put("JAVA_HOME", null);
    env.put("PATH", tools.toString());
    Shell.Result mon = Shell.run(env, List.of("/bin/sh", bin("ps.monitor"), "sshd:1-"));
    assertThat(mon.stdout())
        .isEqualTo(
            "ps.monitor: no Java runtime: set JAVA_HOME or put java on PATH "
                + "(Debian: apt install default-jre-headless)\n");
    assertThat(mon.exit()).isEqualTo(1);
    Shell.Result nagios = Shell.run(env, List.of("/bin/sh", bin("check_rollcall_ps"), "sshd:1-"));
    assertThat(nagios.stdout()).startsWith("ROLLCALL UNKNOWN: check_rollcall_ps: no Java runtime");
    assertThat(nagios.exit()).isEqualTo(3);
  }

  @Test
  void anUnprivilegedUserWithoutAHomeRunsItAndWritesNoFile(@TempDir Path work) throws IOException {
    assumeTrue(Shell.isRoot(), "running as another user needs root");
    Traced.assumeStrace();
    Shell.ok("chmod", "777", work.toString());
    // root is in /etc/passwd, which nsswitch.conf asks first: no JNA. A user it lacks makes
    // ps.monitor ask NSS through JNA, which unpacks its library into /tmp unless told not to.
    Traced run =
        Traced.run(
            work,
            Shell.as(
                65534,
                65534,
                "env",
                "-i",
                "HOME=/nonexistent",
                "PATH=/usr/bin:/bin",
                bin("check_rollcall_ps"),
                "user=root:1-"));
    assertThat(run.result().stdout())
        .as(run.result().shown())
        .startsWith("PS OK: 1 rule holds: user=root:");
    assertThat(run.result().stderr()).isEmpty();
    assertThat(run.filesCreated()).as("files the run created (hsperfdata, a cache)").isEmpty();
    Traced nss =
        Traced.run(
            work,
            Shell.as(
                65534,
                65534,
                "env",
                "-i",
                "HOME=/nonexistent",
                "PATH=/usr/bin:/bin",
                bin("check_rollcall_ps"),
                "user=rollcall-no-such-user:0-"));
    assertThat(nss.result().stdout())
        .as(nss.result().shown())
        .startsWith("PS UNKNOWN: check_rollcall_ps: unknown user 'rollcall-no-such-user'");
    assertThat(nss.result().stderr()).isEmpty();
    assertThat(nss.filesCreated())
        .as("files the run created (JNA's library, hsperfdata, a cache)")
        .isEmpty();
  }

  private static String bin(String name) {
    return home.resolve("bin").resolve(name).toString();
  }
}
