package org.rollcall.alerts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * What mon writes on an alert's stdin: the monitor's output, line 1 the summary, the rest details. Kept as bytes so
 * file.alert can copy them exactly as mon's Perl alert does; {@link #cut} says the input did not end in time.
 */
public record MonitorOutput(byte[] summaryLine, byte[] details, boolean cut) {
  /** Nothing on stdin (a terminal, or mon's startup alert). */
  public static final MonitorOutput NONE = new MonitorOutput(new byte[0], new byte[0], false);

  /** At most this much is kept: a runaway monitor must not fill the alert's memory or a mailbox. */
  static final int MAX_BYTES = 1 << 20;

  /** Splits {@code text} after its first newline, as Perl's {@code <STDIN>} then {@code chomp} do. */
  public static MonitorOutput of(byte[] text, boolean cut) {
    for (int i = 0; i < text.length; i++) {
      if (text[i] == '\n') {
        return new MonitorOutput(Arrays.copyOf(text, i), Arrays.copyOfRange(text, i + 1, text.length), cut);
      }
    }
    return new MonitorOutput(text, new byte[0], cut);
  }

  /**
   * Reads {@code in} to its end, waiting at most {@code limit}: an alert started with a stdin nobody closes
   * (a cron job, a shell) must still deliver what it has before its deadline.
   */
  public static MonitorOutput read(InputStream in, Duration limit) throws InterruptedException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> copy(in, buffer), "rollcall-stdin");
    reader.setDaemon(true);
    reader.start();
    reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(limit.toNanos())));
    synchronized (buffer) {
      return of(buffer.toByteArray(), reader.isAlive() || buffer.size() >= MAX_BYTES);
    }
  }

  private static void copy(InputStream in, ByteArrayOutputStream buffer) {
    byte[] chunk = new byte[8192];
    try {
      int n;
      while ((n = in.read(chunk)) > 0) {
        synchronized (buffer) {
          buffer.write(chunk, 0, Math.min(n, MAX_BYTES - buffer.size()));
          if (buffer.size() >= MAX_BYTES) {
            return;
          }
        }
      }
    } catch (IOException e) {
      // A closed or broken stdin ends the input; what was read is still the alert.
    }
  }
}
