package org.rollcall.dist;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A private, standalone instance of Debian's real Icinga 2, in the foreground: no API, no web, no
 * system service; its data, log, cache and spool in one directory, its checks run as user nagios.
 * Each check result is written by a PerfdataWriter as a line of tab-separated {@code KEY=VALUE}
 * fields, read back by {@link #results}; the output comes last, as its detail lines follow on lines
 * of their own.
 */
final class IcingaDaemon implements AutoCloseable {
  static final Path ICINGA2 = Path.of("/usr/sbin/icinga2");
  private final Path dir;
  private final Process process;

  private IcingaDaemon(Path dir, Process process) {
    this.dir = dir;
    this.process = process;
  }

  /** {@code icinga2 daemon} with the private directories, as user nagios, then {@code more}. */
  static List<String> command(Path dir, String... more) {
    List<String> command = new ArrayList<>(List.of(ICINGA2.toString(), "daemon"));
    command.addAll(List.of(more));
    command.addAll(List.of("-c", dir.resolve("icinga2.conf").toString()));
    for (String constant : List.of("DataDir", "LogDir", "CacheDir", "SpoolDir", "InitRunDir")) {
      command.add("-D" + constant + "=" + dir);
    }
    command.addAll(List.of("-DRunAsUser=nagios", "-DRunAsGroup=nagios"));
    return command;
  }

  /**
   * Writes the private icinga2.conf, which includes {@code objects} (commands, hosts, services),
   * validates it with {@code icinga2 daemon -C}, and starts Icinga 2 with it.
   */
  static IcingaDaemon start(Path dir, String objects) throws IOException {
    return start(dir, objects, Path.of("/usr/lib/nagios/plugins"));
  }

  /** Starts Icinga 2 with its constant PluginDir set to {@code plugins}. */
  static IcingaDaemon start(Path dir, String objects, Path plugins) throws IOException {
    Shell.Result check = validate(dir, objects, plugins);
    if (check.exit() != 0) {
      throw new AssertionError("icinga2 daemon -C rejects the configuration:\n" + check.stdout());
    }
    Process process =
        new ProcessBuilder(command(dir, "--close-stdio"))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("icinga2.out").toFile())
            .start();
    return new IcingaDaemon(dir, process);
  }

  /**
   * Writes the private icinga2.conf, which includes {@code objects}, and validates it with {@code
   * icinga2 daemon -C}.
   */
  static Shell.Result validate(Path dir, String objects, Path plugins) throws IOException {
    assumeInstalled();
    Files.writeString(dir.resolve("objects.conf"), objects);
    Files.writeString(
        dir.resolve("icinga2.conf"),
        MAIN_CONFIG.replace("@DIR@", dir.toString()).replace("@PLUGINS@", plugins.toString()));
    Shell.ok("chown", "-R", "nagios:nagios", dir.toString());
    return Shell.run(Map.of(), command(dir, "-C"));
  }

  static void assumeInstalled() {
    assumeTrue(
        Files.isExecutable(ICINGA2),
        "icinga2 is not installed (Debian packages icinga2-bin, icinga2-common)");
  }

  /** The last result of each service so far, by service name: its fields by key. */
  Map<String, Map<String, String>> results() throws IOException {
    Map<String, Map<String, String>> last = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> all = Files.list(dir)) {
      files =
          all.filter(f -> f.getFileName().toString().startsWith("results."))
              .filter(f -> !f.toString().endsWith(".tmp"))
              .sorted()
              .toList();
    }
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : line.split("\t")) {
          int eq = field.indexOf('=');
          if (eq > 0) {
            // Icinga 2 keeps the space a plugin writes before " | perfdata" in the output.
            fields.put(field.substring(0, eq), field.substring(eq + 1).stripTrailing());
          }
        }
        if (fields.containsKey("service")) {
          last.put(fields.get("service"), fields);
        }
      }
    }
    return last;
  }

  String log() throws IOException {
    Path log = dir.resolve("icinga2.log");
    return Files.exists(log) ? Files.readString(log) : "(no icinga2.log)";
  }

  /** SIGTERM: Icinga 2 shuts down, its checks and helper processes with it. */
  @Override
  public void close() throws InterruptedException {
    Shell.stop(process);
  }

  private static final String MAIN_CONFIG =
      """
      const PluginDir = "@PLUGINS@"
      const NodeName = "localhost"
      const ZoneName = "localhost"
      include <itl>
      include <plugins>
      object CheckerComponent "checker" { }
      object FileLogger "main-log" {
      	severity = "information"
      	path = LogDir + "/icinga2.log"
      }
      object PerfdataWriter "results" {
      	service_perfdata_path = SpoolDir + "/results"
      	service_temp_path = SpoolDir + "/results.tmp"
      	host_perfdata_path = SpoolDir + "/host-results"
      	host_temp_path = SpoolDir + "/host-results.tmp"
      	service_format_template = "service=$service.name$\\tstate=$service.state$\\texit=$service.state_id$\\tperfdata=$service.perfdata$\\toutput=$service.output$"
      	rotation_interval = 1s
      }
      include "@DIR@/objects.conf"
      """;
}
