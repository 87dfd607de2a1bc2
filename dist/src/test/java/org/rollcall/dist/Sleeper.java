package org.rollcall.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A real process with a name no other process has: a copy of sleep(1) named rcNNNNNN, for monitors
 * to watch.
 */
final class Sleeper extends Peer {
  private final String name;
  private final Path binary;

  Sleeper(Path dir) throws IOException {
    name = "rc" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    binary = dir.resolve(name);
    Files.createDirectories(dir);
    Files.copy(Path.of("/bin/sleep"), binary, StandardCopyOption.REPLACE_EXISTING);
    binary.toFile().setExecutable(true, false);
  }

  String name() {
    return name;
  }

  Sleeper start() throws IOException {
    process = new ProcessBuilder(binary.toString(), "3600").start();
    return this;
  }
}
