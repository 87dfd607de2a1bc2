package org.rollcall.alerts.restart;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rollcall.core.cli.UsageException;

/**
 * Durations as sysadmins write them: {@code 90}, {@code 90s}, {@code 30m}, {@code 1h}, {@code 2d}.
 */
final class Durations {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smhd]?)");

  private Durations() {}

  static Duration parse(String option, String text) {
    Matcher matcher = DURATION.matcher(text);
    if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
      throw new UsageException(
          option + " wants a duration such as 90s, 30m, 1h or 2d, not '" + text + "'");
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      case "d" -> Duration.ofDays(amount);
      default -> Duration.ofSeconds(amount);
    };
  }

  /** The shortest of those spellings for {@code duration}. */
  static String format(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }
}
