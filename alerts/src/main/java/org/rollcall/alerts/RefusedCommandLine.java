package org.rollcall.alerts;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rollcall.core.text.SafeText;

/**
 * An alert's command line that could not be parsed, read as far as it can be without the parser:
 * mon's flags picked out of the raw arguments (so the saved alert still names its group and
 * service), the fallback file a well-formed {@code --fallback FILE} asks for, and a description of
 * everything that was given.
 */
final class RefusedCommandLine {
  private final String[] args;
  private final Map<String, String> env;

  RefusedCommandLine(String[] args, Map<String, String> env) {
    this.args = args.clone();
    this.env = env;
  }

  /**
   * {@code --fallback FILE} (or {@code --fallback=FILE}) when FILE is a usable path, else the usual
   * default.
   */
  Path fallback() {
    String given = valueOf("--fallback");
    if (given != null && !given.isEmpty() && !given.startsWith("-") && given.indexOf('\0') < 0) {
      return Path.of(given);
    }
    return Fallback.choose(null, env);
  }

  /** The alert as far as the raw arguments describe it, with {@code input} as its stdin. */
  Alert alert(MonitorOutput input, Instant now) {
    AlertOptions options = new AlertOptions();
    options.service = orEmpty(valueOf("-s"));
    options.group = orEmpty(valueOf("-g"));
    options.hosts = orEmpty(valueOf("-h"));
    options.summary = valueOf("-S");
    options.time = epochSeconds(valueOf("-t"));
    List<String> given = List.of(args);
    options.up = given.contains("-u");
    options.ack = given.contains("-a");
    options.disable = given.contains("-D");
    options.trap = given.contains("-T");
    options.trapTimeout = given.contains("-O");
    return Alert.of(options, input, env, now);
  }

  /** "arguments: '-s' 'ps' ...; environment: MON_X=..." for the fallback record. */
  String given() {
    StringBuilder text = new StringBuilder("arguments:");
    for (String arg : args) {
      text.append(" '").append(arg.replace("'", "'\\''")).append('\'');
    }
    Map<String, String> mon = new TreeMap<>();
    env.forEach(
        (name, value) -> {
          if (name.startsWith("MON_")) {
            mon.put(name, value);
          }
        });
    text.append("; environment:");
    if (mon.isEmpty()) {
      text.append(" no MON_ variables");
    }
    mon.forEach(
        (name, value) -> text.append(' ').append(name).append('=').append(SafeText.escape(value)));
    return text.toString();
  }

  /** The value after the last {@code flag} (as mon passes it, a separate argument), or null. */
  private String valueOf(String flag) {
    String value = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(flag) && i + 1 < args.length && isValue(flag, args[i + 1])) {
        value = args[i + 1];
      } else if (flag.startsWith("--") && args[i].startsWith(flag + "=")) {
        value = args[i].substring(flag.length() + 1);
      }
    }
    return value;
  }

  /**
   * Whether {@code next} is the flag's value rather than the next option (a host list may start
   * with '-').
   */
  private static boolean isValue(String flag, String next) {
    return flag.equals("-h") || flag.equals("-S") || !next.startsWith("-");
  }

  private static Long epochSeconds(String text) {
    if (text == null || text.isEmpty() || text.length() > 12) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return null;
      }
    }
    return Long.parseLong(text);
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
