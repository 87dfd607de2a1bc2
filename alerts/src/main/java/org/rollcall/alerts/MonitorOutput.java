package org.rollcall.alerts;

import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import org.rollcall.core.process.CappedReader;

/**
 * What mon writes on an alert's stdin: the monitor's output, line 1 the summary, the rest details.
 * Kept as bytes so file.alert can copy them exactly as mon's Perl alert does; {@link #cut} says the
 * input did not end in time.
 */
public record MonitorOutput(byte[] summaryLine, byte[] details, boolean cut) {
  /** Nothing on stdin (a terminal, or mon's startup alert). */
  public static final MonitorOutput NONE = new MonitorOutput(new byte[0], new byte[0], false);

  /** At most this much is kept: a runaway monitor must not fill the alert's memory or a mailbox. */
  static final int MAX_BYTES = 1 << 20;

  /**
   * Splits {@code text} after its first newline, as Perl's {@code <STDIN>} then {@code chomp} do.
   */
  public static MonitorOutput of(byte[] text, boolean cut) {
    for (int i = 0; i < text.length; i++) {
      if (text[i] == '\n') {
        return new MonitorOutput(
            Arrays.copyOf(text, i), Arrays.copyOfRange(text, i + 1, text.length), cut);
      }
    }
    return new MonitorOutput(text, new byte[0], cut);
  }

  /**
   * Reads {@code in} to its end, waiting at most {@code limit}: an alert started with a stdin
   * nobody closes (a cron job, a shell) must still deliver what it has before its deadline.
   */
  public static MonitorOutput read(InputStream in, Duration limit) throws InterruptedException {
    CappedReader reader = CappedReader.start(in, MAX_BYTES, "rollcall-stdin");
    boolean ended = reader.awaitEnd(limit);
    return of(reader.bytes(), !ended || reader.overflowed());
  }
}
