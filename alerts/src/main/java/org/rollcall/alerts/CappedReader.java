package org.rollcall.alerts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Reads a stream to its end on a daemon thread, keeping the first {@code cap} bytes and discarding the rest (so a
 * writer never blocks on a full pipe), while the caller waits only as long as it can afford.
 */
final class CappedReader {
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final int cap;
  private final Thread thread;
  private boolean overflowed;

  private CappedReader(InputStream in, int cap, String name) {
    this.cap = cap;
    this.thread = new Thread(() -> copy(in), name);
    thread.setDaemon(true);
  }

  static CappedReader start(InputStream in, int cap, String name) {
    CappedReader reader = new CappedReader(in, cap, name);
    reader.thread.start();
    return reader;
  }

  /** Waits up to {@code limit} for the end of the stream; true when it came. */
  boolean awaitEnd(Duration limit) throws InterruptedException {
    thread.join(Math.max(1, limit.toMillis()));
    return !thread.isAlive();
  }

  synchronized byte[] bytes() {
    return kept.toByteArray();
  }

  /** Whether bytes beyond the cap were discarded. */
  synchronized boolean overflowed() {
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
