package org.rollcall.dist;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A private instance of Debian's real mon daemon: its own state, log and port on loopback, the
 * installed monitor and alert directories, run in the foreground so the test can stop it.
 */
final class MonDaemon implements AutoCloseable {
  private static final Path MON = Path.of("/usr/sbin/mon");
  private final Process process;

  private MonDaemon(Process process) {
    this.process = process;
  }

  /**
   * Starts mon on {@code watches} (the hostgroup and watch sections of a mon.cf) with its files
   * under {@code dir}.
   */
  static MonDaemon start(Path dir, String watches) throws IOException {
    assumeTrue(Files.isExecutable(MON), "mon is not installed (Debian package mon)");
    for (String sub : new String[] {"log", "state"}) {
      Files.createDirectories(dir.resolve(sub));
    }
    Files.writeString(dir.resolve("auth.cf"), "");
    String config =
        """
        alertdir = /usr/lib/mon/alert.d
        mondir = /usr/lib/mon/mon.d:/usr/lib/mon/mon-local.d
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
                .formatted(dir, Sshd.freePort(), Sshd.freePort())
            + watches;
    Path file = Files.writeString(dir.resolve("mon.cf"), config);
    Process process =
        new ProcessBuilder(MON.toString(), "-c", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("mon.out").toFile())
            .start();
    return new MonDaemon(process);
  }

  boolean running() {
    return process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    Shell.stop(process);
  }
}
