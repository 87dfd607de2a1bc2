package org.rollcall.core.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Reads a stream to its end on a daemon thread of its own, keeping at most {@code cap} bytes (the
 * rest is read and dropped, so the writer is never blocked). A stream closed under the read (a
 * killed child's pipe) ends the input; what was read before is kept.
 */
public final class CappedReader {
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final int cap;
  private final Thread thread;
  private boolean overflowed;

  private CappedReader(InputStream in, int cap, String name) {
    this.cap = cap;
    this.thread = new Thread(() -> copy(in), name);
    thread.setDaemon(true);
  }

  /** Starts reading {@code in} on a thread named {@code name}. */
  public static CappedReader start(InputStream in, int cap, String name) {
    CappedReader reader = new CappedReader(in, cap, name);
    reader.thread.start();
    return reader;
  }

  /** Waits up to {@code limit} for the end of the stream; true when it came. */
  public boolean awaitEnd(Duration limit) throws InterruptedException {
    thread.join(Math.max(1, limit.toMillis()));
    return !thread.isAlive();
  }

  /**
   * Waits up to {@code limit} for the end of the stream even when the waiting thread is interrupted
   * (its interrupt is kept for later); true when the end came.
   */
  public boolean awaitEndUninterruptibly(Duration limit) {
    long end = System.nanoTime() + limit.toNanos();
    boolean interrupted = Thread.interrupted();
    try {
      while (thread.isAlive()) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          thread.join(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      return true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** What was kept so far. */
  public synchronized byte[] bytes() {
    return kept.toByteArray();
  }

  /** Whether bytes beyond the cap were dropped. */
  public synchronized boolean overflowed() {
    return overflowed;
  }

  private void copy(InputStream in) {
    byte[] chunk = new byte[8192];
    try {
      int n;
      while ((n = in.read(chunk)) > 0) {
        synchronized (this) {
          int room = cap - kept.size();
          kept.write(chunk, 0, Math.min(n, room));
          overflowed |= n > room;
        }
      }
    } catch (IOException e) {
      // A closed or broken stream ends the input; what was read is kept.
    }
  }
}
