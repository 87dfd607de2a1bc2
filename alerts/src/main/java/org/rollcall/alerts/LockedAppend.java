package org.rollcall.alerts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.rollcall.core.files.FileTrust;
import org.rollcall.core.files.Permissions;
import org.rollcall.core.files.UntrustedFileException;

/**
 * Appends a whole record to a file so that concurrent alerts never interleave: an exclusive {@code
 * fcntl} lock on the file for the duration of one write of the whole record, in append mode. A
 * record lands whole or not at all: when the disk fills up part way (the kernel writes what fits,
 * then says ENOSPC), the part already written is cut off again before the lock is released, so the
 * file never ends in half a record.
 *
 * <p>The file is never reached through a link and must pass {@link FileTrust} before it is opened
 * and after (the same file, owned by this user or, for {@link FileTrust.Policy#APPEND_ONLY}, root):
 * in a directory others can write, a file another user planted is refused, not written.
 */
public final class LockedAppend {
  private static final Set<OpenOption> APPEND_OPTIONS =
      Set.of(
          StandardOpenOption.CREATE,
          StandardOpenOption.WRITE,
          StandardOpenOption.APPEND,
          LinkOption.NOFOLLOW_LINKS);
  private static final FileAttribute<Set<PosixFilePermission>> PRIVATE_MODE =
      Permissions.of("rw-------");
  private static final FileAttribute<Set<PosixFilePermission>> SHARED_MODE =
      Permissions.of("rw-rw-r--");

  private LockedAppend() {}

  /**
   * Appends {@code record}, creating the file (mode 0664, or 0600 for {@link
   * FileTrust.Policy#PRIVATE}, less the umask) and, when {@code makeDirectory}, its directory (mode
   * 0750).
   *
   * @throws UntrustedFileException when the file fails {@code policy}; nothing is written
   */
  @SuppressWarnings("try") // the lock is only held, for the whole block
  public static void append(
      Path file, byte[] record, boolean makeDirectory, FileTrust.Policy policy) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (makeDirectory && parent != null && !Files.isDirectory(parent)) {
      Files.createDirectories(parent, Permissions.of("rwxr-x---"));
    }
    UntrustedFileException.refuseIf(file, FileTrust.problem(file, policy));
    Object before = FileTrust.key(file);
    // No-follow (O_NOFOLLOW): in a directory others can write, a planted link must not aim root's
    // append elsewhere.
    try (FileChannel channel = FileChannel.open(file, APPEND_OPTIONS, modeFor(policy));
        FileLock lock = channel.lock()) {
      UntrustedFileException.refuseIf(file, FileTrust.afterOpening(file, before, policy));
      long end = channel.size();
      ByteBuffer buffer = ByteBuffer.wrap(record);
      try {
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      } catch (IOException e) {
        throw buffer.position() == 0 ? e : cutBack(channel, end, buffer.position(), e);
      }
    }
  }

  public static FileAttribute<Set<PosixFilePermission>> modeFor(FileTrust.Policy policy) {
    return policy == FileTrust.Policy.PRIVATE ? PRIVATE_MODE : SHARED_MODE;
  }

  /**
   * Cuts the file back to {@code end} and returns {@code failure} to throw; if even the cut fails,
   * an exception that also says how much of the record is left in the file.
   */
  private static IOException cutBack(
      FileChannel channel, long end, int written, IOException failure) {
    try {
      channel.truncate(end);
      return failure;
    } catch (IOException e) {
      IOException worse =
          new IOException(
              failure.getMessage()
                  + "; and the first "
                  + written
                  + " bytes of the "
                  + "record are left cut at the end of the file ("
                  + e.getMessage()
                  + ")",
              failure);
      worse.addSuppressed(e);
      return worse;
    }
  }
}
