package org.rollcall.alerts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rollcall.core.cli.UsageException;

/**
 * A server given as {@code HOST}, {@code HOST:PORT} or {@code [IPV6]:PORT}; port null when not
 * given.
 */
public record HostPort(String host, Integer port) {
  private static final Pattern SERVER =
      Pattern.compile("(?:\\[([0-9A-Fa-f:.]+)\\]|([A-Za-z0-9.-]+))(?::(\\d{1,5}))?");

  public static HostPort parse(String option, String text) {
    Matcher parts = SERVER.matcher(text);
    if (!parts.matches() || (parts.group(3) != null && Integer.parseInt(parts.group(3)) > 65535)) {
      throw new UsageException(
          option + " wants HOST or HOST:PORT (or [IPV6]:PORT), not '" + text + "'");
    }
    return new HostPort(
        parts.group(1) != null ? parts.group(1) : parts.group(2),
        parts.group(3) == null ? null : Integer.valueOf(parts.group(3)));
  }
}
