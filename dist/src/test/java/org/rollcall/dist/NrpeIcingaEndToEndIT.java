package org.rollcall.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The installed .deb under the engines that run checks on many hosts: a real NRPE daemon queried by
 * check_nrpe in its v4 and v2 packets, and a real Icinga 2 running the package's CheckCommand
 * definitions; both run the plugins as user nagios, on loopback only. Their configurations are the
 * walkthroughs' examples (docs/nrpe.md, docs/icinga2.md; WalkthroughExamplesTest).
 */
class NrpeIcingaEndToEndIT extends InstalledPackage {
  static final Duration WAIT = Duration.ofSeconds(20);

  /** Rules that all fail: an answer of 29 KB, whose first line must still fit a v2 packet. */
  static final int MANY = 300;

  @Test
  void nrpeCarriesStateStatusLineAndPerfdataInV4AndV2Packets() throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path nrpeDir = Files.createDirectories(dir.resolve("nrpe"));
    try (Sleeper daemon = new Sleeper(dir.resolve("bin")).start()) {
      String name = daemon.name();
      Path rules = rulesFile(nrpeDir, name);
      StringBuilder many = new StringBuilder("# every one of these fails\n");
      for (int i = 0; i < MANY; i++) {
        many.append("rcabsent").append(i).append(name).append(":1-\n");
      }
      Path manyRules = writeRules(nrpeDir.resolve("many.rules"), many.toString());
      String commands =
          resource("nrpe-commands.cfg")
              .replace("@RULES@", rules.toString())
              .replace("@MANY@", manyRules.toString());
      try (NrpeDaemon nrpe = NrpeDaemon.start(nrpeDir, commands)) {
        for (String[] packets : new String[][] {{}, {"-2"}}) {
          String as = packets.length == 0 ? "v4" : "v2";
          Shell.Result ok = nrpe.query("rollcall_ps", packets);
          assertThat(ok.exit()).as(as + ": " + ok.shown()).isZero();
          assertThat(ok.stdout())
              .as(as)
              .isEqualTo("PS OK: 1 rule holds: " + name + ":1 | " + name + "=1;;1:1;0\n");
        }
        String local = asNagios("/usr/lib/nagios/plugins/check_rollcall_ps", "@" + manyRules);
        String firstLine = local.substring(0, local.indexOf('\n') + 1);
        assertThat(firstLine.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
        assertThat(firstLine).startsWith("PS CRITICAL: " + MANY + " of " + MANY + " failed: ");
        assertThat(firstLine).contains(" | rcabsent0" + name + "=0;;1:;0");
        Shell.Result v4 = nrpe.query("rollcall_ps_many");
        assertThat(v4.exit()).as(v4.shown()).isEqualTo(2);
        assertThat(v4.stdout()).as("v4 carries the whole answer").isEqualTo(local);
        Shell.Result v2 = nrpe.query("rollcall_ps_many", "-2");
        assertThat(v2.exit()).as(v2.shown()).isEqualTo(2);
        assertThat(v2.stdout())
            .as("v2 carries 1,023 bytes: the status line and its perfdata whole")
            .startsWith(firstLine);
      }
    }
  }

  @Test
  void icingaRunsEveryPluginThroughThePackagesCheckCommands() throws Exception {
    IcingaDaemon.assumeInstalled();
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path icingaDir = Files.createDirectories(dir.resolve("icinga2"));
    Path rulesDir = Files.createDirectories(dir.resolve("rules"));
    try (Sleeper daemon = new Sleeper(dir.resolve("bin")).start();
        Sshd sshd = new Sshd(Files.createDirectories(dir.resolve("sshd"))).start()) {
      String name = daemon.name();
      String objects =
          resource("icinga2-services.conf")
              .replace("@PROCESS@", name)
              .replace("@ABSENT@", "rcabsent" + name)
              .replace("@RULES@", rulesFile(rulesDir, name).toString())
              .replace("@SSH_PORT@", Integer.toString(sshd.port()));
      try (IcingaDaemon icinga = IcingaDaemon.start(icingaDir, objects)) {
        Map<String, Map<String, String>> results = await(icinga);
        System.out.println("icinga2 e2e: the last results\n" + results);
        assertResult(
            results.get("ps"),
            "OK",
            "PS OK: 2 rules hold: " + name + ":1 " + name + ",!user=root:0",
            // as the PerfdataWriter writes it: a label's = as _, unquoted, and the range 0:0 as 0
            name + "=1;;1:1;0 " + name + ",!user_root=0;;0;0");
        assertResult(
            results.get("ps-absent"),
            "CRITICAL",
            "PS CRITICAL: 1 of 1 failed: rcabsent" + name + ":0",
            "rcabsent" + name + "=0;;1:;0");
        assertResult(
            results.get("ps-rules-file"),
            "OK",
            "PS OK: 1 rule holds: " + name + ":1",
            name + "=1;;1:1;0");
        assertThat(results.get("ssh").get("state"))
            .as(results.get("ssh").toString())
            .isEqualTo("OK");
        assertThat(results.get("ssh").get("output")).startsWith("SSH OK: ").contains("OpenSSH");
        assertThat(results.get("ssh").get("perfdata")).matches("time=[0-9.]+s;;5;0;30");
        assertThat(results.get("port").get("state"))
            .as(results.get("port").toString())
            .isEqualTo("OK");
        assertThat(results.get("port").get("output")).startsWith("TCP OK: ");
        assertThat(results.get("port").get("perfdata")).matches("time=[0-9.]+s;;;0;30");
        assertThat(results.get("cpu").get("state"))
            .as(results.get("cpu").toString())
            .isEqualTo("OK");
        assertThat(results.get("cpu").get("output")).startsWith("CPU OK: ");
        assertThat(results.get("exclusion").get("state"))
            .as("no SELinux here: " + results.get("exclusion"))
            .isEqualTo("UNKNOWN");
        assertThat(results.get("exclusion").get("output"))
            .startsWith("EXCLUSION UNKNOWN: ")
            .contains("initrc_t:?");
      }
    }
  }

  private static void assertResult(
      Map<String, String> result, String state, String output, String perfdata) {
    assertThat(result.get("state")).as(result.toString()).isEqualTo(state);
    assertThat(result.get("output")).as(result.toString()).isEqualTo(output);
    assertThat(result.get("perfdata")).as(result.toString()).isEqualTo(perfdata);
  }

  /** Waits until Icinga 2 has a result for every service of the example. */
  private static Map<String, Map<String, String>> await(IcingaDaemon icinga)
      throws IOException, InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    Map<String, Map<String, String>> results = icinga.results();
    while (results.size() < 7 && System.nanoTime() < end) {
      Thread.sleep(100);
      results = icinga.results();
    }
    assertThat(results.keySet())
        .as("results after %s; icinga2.log:\n%s", WAIT, icinga.log())
        .containsExactlyInAnyOrder(
            "ps", "ps-absent", "ps-rules-file", "ssh", "port", "cpu", "exclusion");
    return results;
  }

  /** The rule file both engines read: the watched process, exactly once. */
  private static Path rulesFile(Path dir, String name) throws IOException {
    return writeRules(dir.resolve("ps.rules"), "# the watched daemon\n" + name + ":1-1\n");
  }

  private static Path writeRules(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  /** What a command prints run as user nagios here, as NRPE runs it. */
  private static String asNagios(String... command) {
    List<String> line = new ArrayList<>(List.of("runuser", "-u", "nagios", "--"));
    line.addAll(List.of(command));
    return Shell.run(Map.of(), line).stdout();
  }

  static String resource(String name) throws IOException {
    return new String(
        NrpeIcingaEndToEndIT.class.getResourceAsStream(name).readAllBytes(),
        StandardCharsets.UTF_8);
  }
}
