package org.rollcall.dist;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A private instance of Debian's real Nagios core (nagios4): its own configuration, status file and
 * check results in one directory, checks every two seconds, run as user nagios as the package's
 * daemon would.
 */
final class NagiosCore implements AutoCloseable {
  private static final Path NAGIOS = Path.of("/usr/sbin/nagios4");
  private final Path dir;
  private final Process process;

  private NagiosCore(Path dir, Process process) {
    this.dir = dir;
    this.process = process;
  }

  /**
   * Starts Nagios with {@code services} (command and service definitions) after the fixed host and
   * template.
   */
  static NagiosCore start(Path dir, String services) throws IOException {
    return start(dir, services, Path.of("/usr/lib/nagios/plugins"));
  }

  /** Starts Nagios with {@code $USER1$} set to {@code plugins}. */
  static NagiosCore start(Path dir, String services, Path plugins) throws IOException {
    Shell.Result verify = verify(dir, services, plugins);
    if (verify.exit() != 0) {
      throw new AssertionError("nagios4 -v rejects the configuration:\n" + verify.stdout());
    }
    Process process =
        new ProcessBuilder(NAGIOS.toString(), dir.resolve("nagios.cfg").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("nagios.out").toFile())
            .start();
    return new NagiosCore(dir, process);
  }

  /**
   * Writes the configuration, {@code services} after the fixed host and template and {@code
   * $USER1$} set to {@code plugins}, and checks it with {@code nagios4 -v}.
   */
  static Shell.Result verify(Path dir, String services, Path plugins) throws IOException {
    assumeTrue(
        Files.isExecutable(NAGIOS), "nagios4 is not installed (Debian package nagios4-core)");
    Files.createDirectories(dir.resolve("checkresults"));
    Files.writeString(dir.resolve("resource.cfg"), "$USER1$=" + plugins + "\n");
    Files.writeString(dir.resolve("objects.cfg"), BASE_OBJECTS + services);
    Files.writeString(dir.resolve("nagios.cfg"), MAIN_CONFIG.replace("@DIR@", dir.toString()));
    Shell.ok("chown", "-R", "nagios:nagios", dir.toString());
    return Shell.run(NAGIOS.toString(), "-v", dir.resolve("nagios.cfg").toString());
  }

  /**
   * The servicestatus block of {@code service} in status.dat, as key=value pairs; empty before it
   * was written.
   */
  Map<String, String> serviceStatus(String service) throws IOException {
    Path status = dir.resolve("status.dat");
    Map<String, String> block = new LinkedHashMap<>();
    if (!Files.exists(status)) {
      return block;
    }
    boolean inService = false;
    for (String line : Files.readAllLines(status)) {
      String trimmed = line.trim();
      if (trimmed.equals("servicestatus {")) {
        inService = true;
        block.clear();
      } else if (inService && trimmed.equals("}")) {
        if (service.equals(block.get("service_description"))) {
          return block;
        }
        inService = false;
      } else if (inService && trimmed.contains("=")) {
        block.put(
            trimmed.substring(0, trimmed.indexOf('=')),
            trimmed.substring(trimmed.indexOf('=') + 1));
      }
    }
    return new LinkedHashMap<>();
  }

  /** The real UID the Nagios daemon (and so every check it forks) runs as. */
  int uid() throws IOException {
    return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
        .filter(line -> line.startsWith("Uid:"))
        .map(line -> line.split("\\s+")[1])
        .mapToInt(Integer::parseInt)
        .findFirst()
        .orElseThrow();
  }

  @Override
  public void close() throws InterruptedException {
    Shell.stop(process);
  }

  private static final String MAIN_CONFIG =
      """
      log_file=@DIR@/nagios.log
      cfg_file=@DIR@/objects.cfg
      resource_file=@DIR@/resource.cfg
      object_cache_file=@DIR@/objects.cache
      precached_object_file=@DIR@/objects.precache
      status_file=@DIR@/status.dat
      state_retention_file=@DIR@/retention.dat
      command_file=@DIR@/nagios.cmd
      query_socket=@DIR@/nagios.qh
      lock_file=@DIR@/nagios.lock
      temp_file=@DIR@/nagios.tmp
      temp_path=@DIR@
      check_result_path=@DIR@/checkresults
      nagios_user=nagios
      nagios_group=nagios
      check_external_commands=0
      interval_length=1
      status_update_interval=1
      check_result_reaper_frequency=1
      max_service_check_spread=1
      service_inter_check_delay_method=n
      host_inter_check_delay_method=n
      retain_state_information=0
      use_syslog=0
      enable_notifications=0
      enable_flap_detection=0
      illegal_macro_output_chars=`~$&|'"<>
      """;

  private static final String BASE_OBJECTS =
      """
      define timeperiod {
          timeperiod_name  24x7
          alias            always
          sunday           00:00-24:00
          monday           00:00-24:00
          tuesday          00:00-24:00
          wednesday        00:00-24:00
          thursday         00:00-24:00
          friday           00:00-24:00
          saturday         00:00-24:00
      }
      define command {
          command_name  notify-nobody
          command_line  /bin/true
      }
      define contact {
          contact_name                   nobody
          host_notifications_enabled     0
          service_notifications_enabled  0
          host_notification_period       24x7
          service_notification_period    24x7
          host_notification_options      n
          service_notification_options   n
          host_notification_commands     notify-nobody
          service_notification_commands  notify-nobody
      }
      define host {
          host_name           localhost
          address             127.0.0.1
          max_check_attempts  1
          check_period        24x7
          contacts            nobody
      }
      define service {
          name                   generic-service
          register               0
          max_check_attempts     1
          check_interval         2
          retry_interval         2
          check_period           24x7
          notification_period    24x7
          contacts               nobody
      }
      """;
}
