package org.rollcall.alerts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * The record of restarts for one target, kept in a state file so the limit holds across alerts: one line per
 * action, {@code EPOCH_SECONDS ACTION TEXT}. Reading, deciding and appending happen under one {@code fcntl} lock,
 * so two alerts firing at once cannot both take the last restart.
 */
final class RestartLedger {
  /** What the ledger allowed: a restart (numbered within the window), or none because the limit is reached. */
  record Decision(boolean allowed, int restartsInWindow, Instant oldestInWindow) {}

  private final Path file;

  RestartLedger(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  /**
   * Counts the restarts since {@code now - within}; when fewer than {@code max}, records a new one and allows it,
   * otherwise records that the limit stopped it.
   */
  @SuppressWarnings("try") // the lock is only held, for the whole block
  Decision reserve(Instant now, int max, Duration within, String what) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    // No-follow (O_NOFOLLOW): a link planted in a shared state directory must not aim root's write elsewhere.
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        FileLock lock = channel.lock()) {
      ByteBuffer content = ByteBuffer.allocate((int) Math.min(channel.size(), 1 << 20));
      channel.read(content, Math.max(0, channel.size() - content.capacity()));
      int count = 0;
      Instant oldest = null;
      long since = now.minus(within).getEpochSecond();
      for (String line : new String(content.array(), 0, content.position(), StandardCharsets.UTF_8).split("\n")) {
        String[] words = line.split(" ", 3);
        if (words.length >= 2 && words[0].matches("\\d+") && words[1].equals("restart")
            && Long.parseLong(words[0]) > since) {
          count++;
          oldest = oldest == null ? Instant.ofEpochSecond(Long.parseLong(words[0])) : oldest;
        }
      }
      boolean allowed = count < max;
      String line = now.getEpochSecond() + (allowed ? " restart " : " limit ") + what + "\n";
      channel.position(channel.size());
      channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
      return new Decision(allowed, allowed ? count + 1 : count, oldest);
    }
  }

  /** Adds a line recording what happened after a restart was allowed ("ok", "failed: ..."). */
  void note(Instant now, String what) throws IOException {
    LockedAppend.append(file, (now.getEpochSecond() + " result " + what + "\n").getBytes(StandardCharsets.UTF_8),
        true);
  }
}
