package org.rollcall.alerts.restart;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.rollcall.alerts.LockedAppend;
import org.rollcall.core.files.FileTrust;
import org.rollcall.core.files.UntrustedFileException;
import org.rollcall.core.text.SafeText;

/**
 * The record of restarts for one target, kept in a state file so the limit holds across alerts: one
 * line per action, {@code EPOCH_SECONDS ACTION TEXT}. Reading, deciding and appending happen under
 * one {@code fcntl} lock, so two alerts firing at once cannot both take the last restart.
 *
 * <p>The count decides whether a command runs as root, so a ledger that cannot be trusted is never
 * read as "no restarts yet": one another user could plant or swap ({@link
 * FileTrust.Policy#PRIVATE}, in a directory only this user or root can change), or one with a line
 * that is not a ledger line, refuses the restart with the reason.
 */
final class RestartLedger {
  /**
   * What the ledger allowed: a restart (numbered within the window), or none because the limit is
   * reached.
   */
  record Decision(boolean allowed, int restartsInWindow, Instant oldestInWindow) {}

  /** The most read of a ledger, from its end: a window's lines are the last ones. */
  static final int TAIL_BYTES = 1 << 20;

  private final Path file;

  RestartLedger(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  /**
   * Counts the restarts since {@code now - within}; when fewer than {@code max}, records a new one
   * and allows it, otherwise records that the limit stopped it.
   *
   * @throws UntrustedFileException when the ledger or its directory could have been planted, or the
   *     ledger holds a line that is not one of its own: no restart
   */
  @SuppressWarnings("try") // the lock is only held, for the whole block
  Decision reserve(Instant now, int max, Duration within, String what) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    UntrustedFileException.refuseIf(file, FileTrust.directoryProblem(dir));
    UntrustedFileException.refuseIf(file, FileTrust.problem(file, FileTrust.Policy.PRIVATE));
    Object before = FileTrust.key(file);
    // No-follow (O_NOFOLLOW): a link planted in a shared state directory must not aim root's write
    // elsewhere.
    try (FileChannel channel =
            FileChannel.open(
                file,
                java.util.Set.of(
                    StandardOpenOption.CREATE,
                    StandardOpenOption.READ,
                    StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS),
                LockedAppend.modeFor(FileTrust.Policy.PRIVATE));
        FileLock lock = channel.lock()) {
      UntrustedFileException.refuseIf(
          file, FileTrust.afterOpening(file, before, FileTrust.Policy.PRIVATE));
      RestartCount count = RestartCount.of(tail(channel), channel.size() > TAIL_BYTES, now, within);
      UntrustedFileException.refuseIf(file, count.problem());
      boolean allowed = count.restarts() < max;
      String line =
          now.getEpochSecond() + (allowed ? " restart " : " limit ") + SafeText.escape(what) + "\n";
      channel.position(channel.size());
      channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
      return new Decision(
          allowed, allowed ? count.restarts() + 1 : count.restarts(), count.oldest());
    }
  }

  /** Adds a line recording what happened after a restart was allowed ("ok", "failed: ..."). */
  void note(Instant now, String what) throws IOException {
    LockedAppend.append(
        file,
        (now.getEpochSecond() + " result " + SafeText.escape(what) + "\n")
            .getBytes(StandardCharsets.UTF_8),
        true,
        FileTrust.Policy.PRIVATE);
  }

  private static String tail(FileChannel channel) throws IOException {
    ByteBuffer content = ByteBuffer.allocate((int) Math.min(channel.size(), TAIL_BYTES));
    long from = Math.max(0, channel.size() - content.capacity());
    while (content.hasRemaining() && channel.read(content, from + content.position()) >= 0) {
      // read until the buffer is full: a read may return less
    }
    return new String(content.array(), 0, content.position(), StandardCharsets.UTF_8);
  }
}
