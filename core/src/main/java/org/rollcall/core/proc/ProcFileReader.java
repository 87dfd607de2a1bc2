package org.rollcall.core.proc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads whole /proc files into one reused buffer (their size is reported as 0, so they are read to EOF). Not
 * thread-safe: one reader serves one scan. Outcomes are typed so callers can tell a process that exited, a field
 * they may not read and a real I/O error apart.
 */
final class ProcFileReader {
  /**
   * The largest file read. A cmdline is the argument area exec(2) filled, which any user can make 6 MiB (3/4 of
   * the kernel's 8 MiB _STK_LIM, after {@code ulimit -s unlimited}): a cap below that let one process leave every
   * rule that reads command lines (interpreters' NAME terms, args=) undecided.
   */
  static final int MAX_BYTES = 8 << 20;

  private byte[] buffer = new byte[4096];
  private int length;

  /** What happened when a file was read. */
  enum Outcome { READ, MISSING, DENIED, FAILED }

  private String failure;
  private boolean truncated;

  /**
   * Reads {@code file}; on {@link Outcome#READ}, {@link #bytes()} and {@link #length()} hold its content, on
   * {@link Outcome#FAILED} {@link #failure()} says why (EINVAL from attr/current without SELinux, ESRCH from a
   * process that exited between open and read, a file over {@link #MAX_BYTES}).
   */
  Outcome read(Path file) {
    return read(file, false);
  }

  /**
   * As {@link #read(Path)}, but a file over {@link #MAX_BYTES} is READ with its first {@link #MAX_BYTES} bytes
   * and {@link #truncated()} set: a command line can be made any size (prctl PR_SET_MM_MAP needs no privilege).
   */
  Outcome readPrefix(Path file) {
    return read(file, true);
  }

  /** Whether the last {@link #readPrefix} stopped at {@link #MAX_BYTES}. */
  boolean truncated() {
    return truncated;
  }

  private Outcome read(Path file, boolean prefix) {
    length = 0;
    failure = null;
    truncated = false;
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      while (true) {
        if (length == buffer.length) {
          if (buffer.length >= MAX_BYTES && prefix) {
            truncated = true;
            return Outcome.READ;
          }
          if (buffer.length >= MAX_BYTES) {
            failure = "larger than " + MAX_BYTES + " bytes";
            return Outcome.FAILED;
          }
          buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = channel.read(ByteBuffer.wrap(buffer, length, buffer.length - length));
        if (n < 0) {
          return Outcome.READ;
        }
        length += n;
      }
    } catch (NoSuchFileException e) {
      return Outcome.MISSING;
    } catch (AccessDeniedException e) {
      return Outcome.DENIED;
    } catch (IOException e) {
      failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return Outcome.FAILED;
    }
  }

  String failure() {
    return failure;
  }

  byte[] bytes() {
    return buffer;
  }

  int length() {
    return length;
  }

  /** A copy of what was read. */
  byte[] copy() {
    return Arrays.copyOf(buffer, length);
  }
}
