package org.rollcall.core.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.rollcall.core.text.Ascii;
import org.rollcall.core.text.FileText;

/**
 * The clock CPU figures are measured on: {@code /proc/uptime} (proc(5): "the uptime of the system
 * (including time spent in suspend)") and the clock ticks {@code stat}'s utime, stime and starttime
 * are counted in.
 */
public final class ProcClock {
  /**
   * sysconf(_SC_CLK_TCK): USER_HZ, fixed at 100 by the kernel's user ABI on every architecture
   * Debian builds for (only the retired alpha and ia64 differ), whatever the kernel's internal HZ.
   */
  public static final int TICKS_PER_SECOND = 100;

  private ProcClock() {}

  /** Seconds since boot from {@code root/uptime}. */
  public static double uptime(ProcFs fs) {
    Path file = fs.root().resolve("uptime");
    try {
      return parseUptime(FileText.read(file, StandardCharsets.ISO_8859_1), file);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The first number of an uptime file's "UPTIME IDLE" line, as the kernel writes it: digits with
   * an optional fraction. Double.parseDouble alone would also take "32.", "1e3", "0x1p3" and "5d".
   */
  public static double parseUptime(String content, Path file) {
    String[] words = content.trim().split(" ");
    if (Ascii.isDecimal(words[0])) {
      double seconds = Double.parseDouble(words[0]);
      if (Double.isFinite(seconds)) {
        return seconds;
      }
    }
    throw new MalformedProcFileException(file, "'" + words[0] + "' is not a number of seconds");
  }

  /**
   * The time of boot in seconds since the epoch: {@code btime} of {@code root/stat} (proc(5): "boot
   * time, in seconds since the Epoch"). With a stat's starttime it gives a process's start on the
   * wall clock; a different value means another boot (or a clock set since), in which (PID, start
   * time) names other processes.
   */
  public static long bootTime(ProcFs fs) {
    Path file = fs.root().resolve("stat");
    try {
      return parseBootTime(FileText.read(file, StandardCharsets.ISO_8859_1), file);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The {@code btime N} line of a stat file's text: its N, one to 19 digits. */
  public static long parseBootTime(String content, Path file) {
    int line = content.startsWith("btime ") ? 0 : content.indexOf("\nbtime ") + 1;
    if (line == 0 && !content.startsWith("btime ")) {
      throw new MalformedProcFileException(file, "no btime line");
    }
    int start = line + "btime ".length();
    int end = content.indexOf('\n', start);
    String value = content.substring(start, end < 0 ? content.length() : end);
    if (!Ascii.isDigits(value, 1, 18)) {
      throw new MalformedProcFileException(
          file, "btime '" + value + "' is not a number of seconds");
    }
    return Long.parseLong(value);
  }

  /** Clock ticks as seconds. */
  public static double seconds(long ticks) {
    return ticks / (double) TICKS_PER_SECOND;
  }
}
