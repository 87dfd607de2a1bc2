package org.rollcall.monitors.ps;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.rollcall.core.text.Ascii;

/**
 * Times as a sysadmin reads them in a detail line, in local wall-clock time: {@code 14:02} for a
 * time on the same day as now, {@code 2026-12-06 09:13} for any other day, so {@code 23:58} read at
 * 00:05 is never taken for tonight. ISO's order, no month names: the same in every locale.
 */
final class WallClock {
  private final ZoneId zone;
  private final LocalDateTime now;

  /**
   * @param nowSeconds the time of this run, seconds since the epoch
   */
  WallClock(ZoneId zone, long nowSeconds) {
    this.zone = zone;
    this.now = local(nowSeconds);
  }

  /** {@code epochSeconds} as {@code HH:MM} when on today's date, else {@code YYYY-MM-DD HH:MM}. */
  String at(long epochSeconds) {
    LocalDateTime time = local(epochSeconds);
    String clock = two(time.getHour()) + ":" + two(time.getMinute());
    if (time.toLocalDate().equals(now.toLocalDate())) {
      return clock;
    }
    return time.getYear()
        + "-"
        + two(time.getMonthValue())
        + "-"
        + two(time.getDayOfMonth())
        + " "
        + clock;
  }

  private LocalDateTime local(long epochSeconds) {
    return LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSeconds), zone);
  }

  private static String two(int value) {
    return Ascii.padded(value, 10, 2);
  }
}
