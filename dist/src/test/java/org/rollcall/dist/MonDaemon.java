package org.rollcall.dist;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A private instance of Debian's real mon daemon: its own state, log and port on loopback, the
 * installed monitor and alert directories (or one given), run in the foreground so the test can
 * stop it. Any client on loopback may list and test (moncmd).
 */
final class MonDaemon implements AutoCloseable {
  private static final Path MON = Path.of("/usr/sbin/mon");
  private static final Path MONCMD = Path.of("/usr/bin/moncmd");
  private final Process process;
  private final int port;

  private MonDaemon(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts mon on {@code watches} (the hostgroup and watch sections of a mon.cf) with its files
   * under {@code dir}.
   */
  static MonDaemon start(Path dir, String watches) throws IOException {
    return start(
        dir, watches, "/usr/lib/mon/alert.d", "/usr/lib/mon/mon.d:/usr/lib/mon/mon-local.d");
  }

  /** Starts mon with its monitors and alerts all in {@code bin}. */
  static MonDaemon start(Path dir, String watches, Path bin) throws IOException {
    return start(dir, watches, bin.toString(), bin.toString());
  }

  private static MonDaemon start(Path dir, String watches, String alertDir, String monDir)
      throws IOException {
    assumeTrue(Files.isExecutable(MON), "mon is not installed (Debian package mon)");
    for (String sub : new String[] {"log", "state"}) {
      Files.createDirectories(dir.resolve(sub));
    }
    Files.writeString(dir.resolve("auth.cf"), "list: all\ntest: all\n");
    int port = Sshd.freePort();
    String config =
        """
        alertdir = %4$s
        mondir = %5$s
        logdir = %1$s/log
        statedir = %1$s/state
        cfbasedir = %1$s
        authfile = %1$s/auth.cf
        pidfile = %1$s/mon.pid
        historicfile = %1$s/history
        serverbind = 127.0.0.1
        trapbind = 127.0.0.1
        clientallow = 127.0.0.1
        serverport = %2$d
        trapport = %3$d
        dtlogging = no

        """
                .formatted(dir, port, Sshd.freePort(), alertDir, monDir)
            + watches;
    Path file = Files.writeString(dir.resolve("mon.cf"), config);
    Process process =
        new ProcessBuilder(MON.toString(), "-c", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("mon.out").toFile())
            .start();
    return new MonDaemon(process, port);
  }

  boolean running() {
    return process.isAlive();
  }

  /** {@code moncmd} against this mon: {@code test monitor GROUP SERVICE}, {@code list opstatus}. */
  Shell.Result moncmd(String... command) {
    assumeTrue(Files.isExecutable(MONCMD), "moncmd is not installed (Debian package mon-client)");
    List<String> full =
        new ArrayList<>(
            List.of(MONCMD.toString(), "-s", "127.0.0.1", "-p", Integer.toString(port)));
    full.addAll(List.of(command));
    return Shell.run(Map.of(), full);
  }

  /**
   * The operational status of every service, by "GROUP/SERVICE": its fields ({@code opstatus},
   * {@code exitval}, {@code last_check}, {@code last_summary}...), values as mon escapes them.
   */
  Map<String, Map<String, String>> opstatus() {
    Map<String, Map<String, String>> services = new LinkedHashMap<>();
    for (String line : moncmd("list", "opstatus").stdout().lines().toList()) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (String field : line.split(" ")) {
        int eq = field.indexOf('=');
        if (eq > 0) {
          fields.put(field.substring(0, eq), field.substring(eq + 1));
        }
      }
      if (fields.containsKey("group") && fields.containsKey("service")) {
        services.put(fields.get("group") + "/" + fields.get("service"), fields);
      }
    }
    return services;
  }

  @Override
  public void close() throws InterruptedException {
    Shell.stop(process);
  }
}
