package org.rollcall.core.proc;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads whole /proc files into one reused buffer (their size is reported as 0, so they are read to
 * EOF). Not thread-safe: one reader serves one scan. Outcomes are typed so callers can tell a
 * process that exited, a field they may not read and a real I/O error apart.
 *
 * <p>A scan reads one file per process, so the common case takes the cheapest path: a {@link
 * FileInputStream} costs about half the CPU of a {@code Files.newByteChannel} per file (measured at
 * 5,000 processes). Only a file that cannot be opened, which FileInputStream reports without saying
 * why, is opened again through NIO, whose exceptions tell a missing file from a forbidden one.
 */
final class ProcFileReader {
  /**
   * The largest file read. A cmdline is the argument area exec(2) filled, which any user can make 6
   * MiB (3/4 of the kernel's 8 MiB _STK_LIM, after {@code ulimit -s unlimited}): a cap below that
   * let one process leave every rule that reads command lines (interpreters' NAME terms, args=)
   * undecided.
   */
  static final int MAX_BYTES = 8 << 20;

  private byte[] buffer = new byte[4096];
  private int length;

  /** What happened when a file was read. */
  enum Outcome {
    READ,
    MISSING,
    DENIED,
    FAILED
  }

  private String failure;
  private boolean truncated;

  /**
   * Reads {@code file}; on {@link Outcome#READ}, {@link #bytes()} and {@link #length()} hold its
   * content, on {@link Outcome#FAILED} {@link #failure()} says why (EINVAL from attr/current
   * without SELinux, ESRCH from a process that exited between open and read, a file over {@link
   * #MAX_BYTES}).
   */
  Outcome read(String file) {
    return read(file, false, false);
  }

  /** {@link #read(String)} for a {@link Path}. */
  Outcome read(Path file) {
    return read(file.toString(), false, false);
  }

  /**
   * As {@link #read(String)}, but a file over {@link #MAX_BYTES} is READ with its first {@link
   * #MAX_BYTES} bytes and {@link #truncated()} set: a command line can be made any size (prctl
   * PR_SET_MM_MAP needs no privilege).
   */
  Outcome readPrefix(String file) {
    return read(file, true, false);
  }

  /**
   * As {@link #read(String)}, for a file the kernel writes as one line at once (comm): a first read
   * that returns a whole line, shorter than the buffer, is all there is, so the read that would
   * only see EOF is skipped (one of the five system calls a process's name costs).
   */
  Outcome readLine(String file) {
    return read(file, false, true);
  }

  /** Whether the last {@link #readPrefix} stopped at {@link #MAX_BYTES}. */
  boolean truncated() {
    return truncated;
  }

  private Outcome read(String file, boolean prefix, boolean line) {
    length = 0;
    failure = null;
    truncated = false;
    InputStream in;
    try {
      in = new FileInputStream(file);
    } catch (FileNotFoundException e) {
      return whyNotOpened(Path.of(file), prefix);
    }
    try (in) {
      if (line && wholeLine(in)) {
        return Outcome.READ;
      }
      return readAll(in, prefix);
    } catch (IOException e) {
      failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return Outcome.FAILED;
    }
  }

  /**
   * Opens {@code file} again through NIO, whose exceptions tell a missing file from a forbidden
   * one.
   */
  private Outcome whyNotOpened(Path file, boolean prefix) {
    try (InputStream in = Files.newInputStream(file)) {
      // Opened this time (it was created, or made readable, in between): read it after all.
      return readAll(in, prefix);
    } catch (NoSuchFileException e) {
      return Outcome.MISSING;
    } catch (AccessDeniedException e) {
      return Outcome.DENIED;
    } catch (IOException e) {
      failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return Outcome.FAILED;
    }
  }

  /**
   * Reads once; whether that gave a whole line shorter than the buffer (or EOF): the file then
   * holds no more.
   */
  private boolean wholeLine(InputStream in) throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n < 0) {
      return true;
    }
    length = n;
    return n > 0 && n < buffer.length && buffer[n - 1] == '\n';
  }

  private Outcome readAll(InputStream in, boolean prefix) throws IOException {
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
      int n = in.read(buffer, length, buffer.length - length);
      if (n < 0) {
        return Outcome.READ;
      }
      length += n;
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
