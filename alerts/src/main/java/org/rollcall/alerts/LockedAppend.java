package org.rollcall.alerts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Appends a whole record to a file so that concurrent alerts never interleave: an exclusive {@code fcntl} lock
 * on the file for the duration of one write of the whole record, in append mode.
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
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
        FileLock lock = channel.lock()) {
      ByteBuffer buffer = ByteBuffer.wrap(record);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }
  }
}
