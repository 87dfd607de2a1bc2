package org.rollcall.core.proc;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
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
 *
 * <p>A scan reads one file per process, so the common case takes the cheapest path: a {@link FileInputStream}
 * costs about half the CPU of a {@code Files.newByteChannel} per file (measured at 5,000 processes). Only a file
 * that cannot be opened, which FileInputStream reports without saying why, is opened again through NIO, whose
 * exceptions tell a missing file from a forbidden one.
 */
final class ProcFileReader {
  /** The largest file read; a cmdline is capped by the kernel's ARG_MAX-sized argument area. */
  static final int MAX_BYTES = 4 << 20;

  private byte[] buffer = new byte[4096];
  private int length;

  /** What happened when a file was read. */
  enum Outcome { READ, MISSING, DENIED, FAILED }

  private String failure;

  /**
   * Reads {@code file}; on {@link Outcome#READ}, {@link #bytes()} and {@link #length()} hold its content, on
   * {@link Outcome#FAILED} {@link #failure()} says why (EINVAL from attr/current without SELinux, ESRCH from a
   * process that exited between open and read, a file over {@link #MAX_BYTES}).
   */
  Outcome read(String file) {
    length = 0;
    failure = null;
    FileInputStream in;
    try {
      in = new FileInputStream(file);
    } catch (FileNotFoundException e) {
      return read(Path.of(file));
    }
    try (in) {
      while (true) {
        if (length == buffer.length && !grow()) {
          return Outcome.FAILED;
        }
        int n = in.read(buffer, length, buffer.length - length);
        if (n < 0) {
          return Outcome.READ;
        }
        length += n;
      }
    } catch (IOException e) {
      failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return Outcome.FAILED;
    }
  }

  /** The buffer twice as large, or false (and the failure set) past {@link #MAX_BYTES}. */
  private boolean grow() {
    if (buffer.length >= MAX_BYTES) {
      failure = "larger than " + MAX_BYTES + " bytes";
      return false;
    }
    buffer = Arrays.copyOf(buffer, buffer.length * 2);
    return true;
  }

  /** {@link #read(String)} through NIO, whose exceptions say why a file cannot be opened. */
  Outcome read(Path file) {
    length = 0;
    failure = null;
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      while (true) {
        if (length == buffer.length && !grow()) {
          return Outcome.FAILED;
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
