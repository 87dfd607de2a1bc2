package org.rollcall.alerts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Appends a whole record to a file so that concurrent alerts never interleave: an exclusive {@code fcntl} lock
 * on the file for the duration of one write of the whole record, in append mode. A record lands whole or not at
 * all: when the disk fills up part way (the kernel writes what fits, then says ENOSPC), the part already written
 * is cut off again before the lock is released, so the file never ends in half a record.
 */
final class LockedAppend {
  private LockedAppend() {}

  /**
   * Appends {@code record}, creating the file (mode from the umask) and, when {@code makeDirectory}, its
   * directory (mode 0750).
   */
  @SuppressWarnings("try") // the lock is only held, for the whole block
  static void append(Path file, byte[] record, boolean makeDirectory) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (makeDirectory && parent != null && !Files.isDirectory(parent)) {
      Files.createDirectories(parent,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
    }
    // No-follow (O_NOFOLLOW): in a directory others can write, a planted link must not aim root's append elsewhere.
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
        FileLock lock = channel.lock()) {
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

  /**
   * Cuts the file back to {@code end} and returns {@code failure} to throw; if even the cut fails, an exception
   * that also says how much of the record is left in the file.
   */
  private static IOException cutBack(FileChannel channel, long end, int written, IOException failure) {
    try {
      channel.truncate(end);
      return failure;
    } catch (IOException e) {
      IOException worse = new IOException(failure.getMessage() + "; and the first " + written + " bytes of the "
          + "record are left cut at the end of the file (" + e.getMessage() + ")", failure);
      worse.addSuppressed(e);
      return worse;
    }
  }
}
