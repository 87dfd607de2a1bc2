package org.rollcall.alerts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times written the way mon's Perl alerts write them: {@code scalar localtime($t)} ("Tue Nov 14
 * 22:13:20 2023", day padded with a space) and the "(wday mon day hh:mm:ss)" they cut from it, in
 * the local time zone (TZ).
 */
public final class MonTime {
  private static final DateTimeFormatter CTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

  private MonTime() {}

  /** Perl's {@code scalar localtime(epochSeconds)}. */
  public static String ctime(long epochSeconds, ZoneId zone) {
    return CTIME.format(Instant.ofEpochSecond(epochSeconds).atZone(zone));
  }

  /** "wday mon day hh:mm:ss", the four first words of {@link #ctime} joined by single spaces. */
  public static String shortForm(long epochSeconds, ZoneId zone) {
    String[] words = ctime(epochSeconds, zone).trim().split("\\s+");
    return words[0] + " " + words[1] + " " + words[2] + " " + words[3];
  }
}
