package org.rollcall.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The installed .deb under the real Nagios core: check_rollcall_ps run by Nagios as user nagios,
 * the states and perfdata read back from status.dat for a healthy service, a broken one, and the
 * healthy one after its process dies.
 */
class NagiosEndToEndIT extends InstalledPackage {
  static final Duration WAIT = Duration.ofSeconds(15);

  @Test
  void nagiosRecordsStatesAndPerfdataOfTheInstalledPlugin() throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path nagiosDir = Files.createDirectories(dir.resolve("nagios"));
    try (Sleeper daemon = new Sleeper(dir.resolve("bin")).start();
        NagiosCore nagios =
            NagiosCore.start(nagiosDir, services(daemon.name(), "rcabsent" + daemon.name()))) {
      String name = daemon.name();
      Map<String, String> healthy =
          await(nagios, "healthy", s -> "1".equals(s.get("has_been_checked")));
      assertThat(healthy.get("current_state")).as(healthy.toString()).isEqualTo("0");
      assertThat(nagios.uid())
          .as("Nagios runs its checks as user nagios")
          .isEqualTo(Integer.parseInt(Shell.ok("id", "-u", "nagios").trim()));
      assertThat(healthy.get("plugin_output")).isEqualTo("PS OK: 1 rule holds: " + name + ":1");
      assertThat(healthy.get("performance_data")).isEqualTo(name + "=1;;1:1;0");

      Map<String, String> broken =
          await(nagios, "broken", s -> "1".equals(s.get("has_been_checked")));
      assertThat(broken.get("current_state")).as(broken.toString()).isEqualTo("2");
      assertThat(broken.get("plugin_output"))
          .isEqualTo("PS CRITICAL: 1 of 1 failed: rcabsent" + name + ":0");
      assertThat(broken.get("long_plugin_output"))
          .isEqualTo("rcabsent" + name + ":1- has 0 matching processes, " + "expected at least 1");
      assertThat(broken.get("performance_data")).isEqualTo("rcabsent" + name + "=0;;1:;0");

      Map<String, String> notAsRoot =
          await(nagios, "not-as-root", s -> "1".equals(s.get("has_been_checked")));
      assertThat(notAsRoot.get("plugin_output"))
          .as("'!' escaped as \\! reaches the plugin")
          .isEqualTo("PS OK: 1 rule holds: " + name + ",!user=root:0");

      daemon.stop();
      Map<String, String> down = await(nagios, "healthy", s -> "2".equals(s.get("current_state")));
      assertThat(down.get("plugin_output")).isEqualTo("PS CRITICAL: 1 of 1 failed: " + name + ":0");
      assertThat(down.get("performance_data")).isEqualTo(name + "=0;;1:1;0");
    }
  }

  private static Map<String, String> await(
      NagiosCore nagios, String service, Predicate<Map<String, String>> done)
      throws IOException, InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    Map<String, String> status = nagios.serviceStatus(service);
    while (!done.test(status) && System.nanoTime() < end) {
      Thread.sleep(100);
      status = nagios.serviceStatus(service);
    }
    assertThat(done.test(status))
        .as(
            "%s in status.dat after %s: %s\nnagios.log:\n%s",
            service, WAIT, status, Files.readString(dir.resolve("nagios/nagios.log")))
        .isTrue();
    return status;
  }

  private static String services(String process, String absent) throws IOException {
    return new String(
            NagiosEndToEndIT.class.getResourceAsStream("nagios-objects.cfg").readAllBytes(),
            StandardCharsets.UTF_8)
        .replace("@PROCESS@", process)
        .replace("@ABSENT@", absent);
  }
}
