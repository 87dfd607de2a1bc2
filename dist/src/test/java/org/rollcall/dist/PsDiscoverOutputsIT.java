package org.rollcall.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ps.discover's output in each format, taken as it is by the real reader: daemons with hostile
 * names ({@code !}, {@code ,}, a space, {@code $}, quotes, {@code ;}, {@code ;;}, backslashes) run
 * on this machine as user nagios, ps.discover run as nagios proposes their rules, and the nagios
 * output runs under Nagios, the icinga output under Icinga 2 and the mon output under mon, each
 * check passing. Every golden output of ps.discover in those formats (the Debian and the hostile
 * fixture) is accepted by {@code nagios4 -v}, {@code icinga2 daemon -C} and mon.
 */
class PsDiscoverOutputsIT {
  static final Duration WAIT = Duration.ofSeconds(40);

  /** What follows a unique "rcNNNNN" in each daemon's name; the last cannot be put in a rule. */
  static final String[] HOSTILE = {
    "!x", ",x", " x", "$x", "'x", "\"x", ";x", "\\x", ";;x", "\\'x", "$USER1$", "#x", "\\!x",
    "\\;x", "`x`", "x\\"
  };

  private static final Path GOLDEN = Path.of("../monitors/src/test/resources/golden/ps.discover");

  @TempDir static Path dir;
  static Path home;
  static final List<Long> daemons = new ArrayList<>();
  static final List<String> names = new ArrayList<>();

  @BeforeAll
  static void unpackAndStartDaemons() throws IOException {
    assumeTrue(Shell.isRoot(), "the daemons and checks run as user nagios: the test runs as root");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Shell.ok("tar", "-C", dir.toString(), "-xzf", Built.tarball().toString());
    home = dir.resolve("rollcall-" + Built.VERSION);
    Path odd = Files.createDirectories(dir.resolve("odd dir"));
    Files.setPosixFilePermissions(odd, PosixFilePermissions.fromString("rwxr-xr-x"));
    String tag = "rc" + ThreadLocalRandom.current().nextInt(10_000, 100_000);
    for (String hostile : HOSTILE) {
      String name = tag + hostile;
      Path binary = odd.resolve(name);
      Files.copy(Path.of("/bin/sleep"), binary, StandardCopyOption.REPLACE_EXISTING);
      binary.toFile().setExecutable(true, false);
      // Started in the background of a shell that ends at once: an orphan of init, as a daemon is.
      String pid =
          Shell.ok(
              Shell.as(
                      uid(),
                      gid(),
                      "sh",
                      "-c",
                      "\"$0\" 600 </dev/null >/dev/null 2>&1 & echo $!",
                      binary.toString())
                  .toArray(String[]::new));
      daemons.add(Long.parseLong(pid.trim()));
      names.add(name);
    }
    for (long pid : daemons) {
      await("pid " + pid + " reparented", () -> parent(pid) != -2);
      assumeTrue(parent(pid) == 1, "orphans go to a subreaper here, not to PID 1");
    }
  }

  @AfterAll
  static void stopDaemons() {
    for (long pid : daemons) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void theRulesNameEveryDaemonButTheOneNoRuleCanCarry() {
    String rules = discover("rules");
    List<String> lines = rules.lines().filter(l -> !l.startsWith("#")).toList();
    for (String name : names) {
      String path = dir.resolve("odd dir").resolve(name).toString();
      if (name.endsWith("\\")) {
        assertThat(rules).contains("# note: no rule for pid ");
        assertThat(lines).noneMatch(l -> l.contains(name.substring(0, 7) + "x\\"));
        continue;
      }
      String rule =
          name.replace(",", "\\,") + "," + path.replace(",", "\\,") + ",user=nagios,ppid=1:1-1";
      assertThat(lines).as(rules).contains(rule);
    }
  }

  @Test
  void nagiosRunsTheServicesAsWritten() throws Exception {
    String objects = discover("nagios");
    Path nagiosDir = Files.createDirectories(dir.resolve("nagios"));
    try (NagiosCore nagios = NagiosCore.start(nagiosDir, objects, home.resolve("bin"))) {
      Map<String, String> processes =
          awaitValue(
              "the processes service in status.dat",
              () -> status(nagios, "processes"),
              s -> "1".equals(s.get("has_been_checked")));
      assertThat(processes.get("current_state")).as(processes.toString()).isEqualTo("0");
      assertThat(processes.get("plugin_output"))
          .startsWith("PS OK: " + ruleCount(objects) + " rules hold: ");
      Map<String, String> exclusion =
          awaitValue(
              "the exclusion service in status.dat",
              () -> status(nagios, "exclusion"),
              s -> "1".equals(s.get("has_been_checked")));
      assertThat(exclusion.get("plugin_output"))
          .as("a verdict, not a usage error")
          .matches("EXCLUSION (OK|CRITICAL): .*");
    }
  }

  @Test
  void icingaRunsTheServicesAsWritten() throws Exception {
    // Icinga 2 checks first at a random moment of the interval (5 minutes by default): every 2 s
    // here, nothing else changed.
    String objects =
        HOST
            + discover("icinga")
                .replace(
                    "  host_name = \"localhost\"\n",
                    "  host_name = \"localhost\"\n  check_interval = 2s\n");
    Path icingaDir = Files.createDirectories(dir.resolve("icinga"));
    try (IcingaDaemon icinga = IcingaDaemon.start(icingaDir, objects, home.resolve("bin"))) {
      Map<String, String> processes =
          awaitValue(
              "the processes service's result",
              () -> results(icinga).getOrDefault("processes", Map.of()),
              r -> r.containsKey("exit"));
      assertThat(processes.get("exit")).as(processes.toString()).isEqualTo("0");
      assertThat(processes.get("output"))
          .startsWith("PS OK: " + ruleCount(discover("rules")) + " rules hold: ");
    }
  }

  @Test
  void monRunsTheWatchAsWritten() throws Exception {
    String watch = discover("mon");
    Path monDir = Files.createDirectories(dir.resolve("mon"));
    try (MonDaemon mon = MonDaemon.start(monDir, watch, home.resolve("bin"))) {
      awaitValue(
          "mon listing its services",
          mon::opstatus,
          services -> services.containsKey("localhost/processes"));
      assertThat(mon.moncmd("test", "monitor", "localhost", "processes").stdout()).contains("220");
      Map<String, String> processes =
          awaitValue(
              "the processes service's first run",
              () -> mon.opstatus().getOrDefault("localhost/processes", Map.of()),
              s -> "0".equals(s.get("monitor_running")) && !"7".equals(s.get("opstatus")));
      assertThat(processes.get("opstatus")).as(processes.toString()).isEqualTo("1");
      assertThat(processes.get("exitval")).isEqualTo("0");
      assertThat(Files.readString(monDir.resolve("mon.out"))).doesNotContain("Warning");
    }
  }

  static Stream<Path> goldenOutputs() throws IOException {
    try (Stream<Path> files = Files.list(GOLDEN)) {
      return files
          .filter(f -> f.getFileName().toString().matches(".*-(nagios|icinga|mon)\\.out"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenOutputs")
  void theRealToolAcceptsEachGoldenOutput(Path golden, @TempDir Path work) throws Exception {
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    String text = Files.readString(golden, StandardCharsets.UTF_8);
    String name = golden.getFileName().toString();
    Path bin = Path.of("/usr/lib/nagios/plugins");
    if (name.endsWith("-nagios.out")) {
      Shell.Result verify = NagiosCore.verify(work, text, bin);
      assertThat(verify.exit()).as(verify.stdout()).isZero();
      assertThat(verify.stdout()).contains("Total Errors:   0");
    } else if (name.endsWith("-icinga.out")) {
      Shell.Result check = IcingaDaemon.validate(work, HOST + text, bin);
      assertThat(check.exit()).as(check.shown()).isZero();
      assertThat(check.stdout()).contains("Finished validating the configuration file(s).");
    } else {
      try (MonDaemon mon = MonDaemon.start(work, text, home.resolve("bin"))) {
        Map<String, Map<String, String>> services =
            awaitValue("mon listing its services", mon::opstatus, s -> !s.isEmpty());
        assertThat(services).containsKeys("localhost/processes", "localhost/exclusion");
        assertThat(mon.running()).isTrue();
        assertThat(Files.readString(work.resolve("mon.out"))).doesNotContain("Warning");
      }
    }
  }

  private static final String HOST =
      "object Host \"localhost\" {\n  check_command = \"dummy\"\n}\n";

  private static String discover(String format) {
    Shell.Result run =
        Shell.run(
            Map.of(),
            Shell.as(
                uid(),
                gid(),
                home.resolve("bin/ps.discover").toString(),
                "--min-age",
                "0",
                "--format",
                format));
    assertThat(run.exit()).as(run.shown()).isZero();
    return run.stdout();
  }

  /** The number of rules in the header line "# ps.discover: N rules that hold now". */
  private static int ruleCount(String output) {
    String header = output.lines().findFirst().orElseThrow();
    return Integer.parseInt(header.replaceFirst("^\\S+ ps\\.discover: (\\d+) rules? .*", "$1"));
  }

  private static Map<String, String> status(NagiosCore nagios, String service) {
    try {
      return nagios.serviceStatus(service);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Map<String, Map<String, String>> results(IcingaDaemon icinga) {
    try {
      return icinga.results();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static int uid() {
    return Integer.parseInt(Shell.ok("id", "-u", "nagios").trim());
  }

  private static int gid() {
    return Integer.parseInt(Shell.ok("id", "-g", "nagios").trim());
  }

  /** The parent's PID from /proc; -2 while it is still the shell, -1 once the process is gone. */
  private static long parent(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ppid = Long.parseLong(fields[1]);
      if (ppid == 1) {
        return 1;
      }
      String comm = Files.readString(Path.of("/proc", Long.toString(ppid), "comm")).trim();
      return comm.equals("sh") || comm.equals("dash") ? -2 : ppid;
    } catch (IOException e) {
      return -1;
    }
  }

  private static void await(String what, Supplier<Boolean> done) {
    awaitValue(what, done, Boolean::booleanValue);
  }

  private static <T> T awaitValue(
      String what, Supplier<T> value, java.util.function.Predicate<T> done) {
    long end = System.nanoTime() + WAIT.toNanos();
    T current = value.get();
    while (!done.test(current) && System.nanoTime() < end) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      current = value.get();
    }
    assertThat(done.test(current)).as("%s within %s: %s", what, WAIT, current).isTrue();
    return current;
  }
}
