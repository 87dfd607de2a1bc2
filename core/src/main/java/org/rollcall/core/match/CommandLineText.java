package org.rollcall.core.match;

import java.util.List;
import org.rollcall.core.proc.Field;

/**
 * A process's command line as the detail lines and {@code --explain} show it. A class of its own so
 * that a monitor naming an offender (exclusion.monitor, cpu.monitor) loads neither {@link
 * ProcessDescription} nor the java.time classes its start times need: a plain run's classes all
 * come from the plain archive, which trains on runs that find no offender.
 */
public final class CommandLineText {
  private CommandLineText() {}

  /** Longest command line a detail line shows; --explain shows it whole. */
  public static final int SHORT_ARGS_CHARS = 1000;

  /** {@link #shortArgs(List)} of the arguments, or why they could not be read, in parentheses. */
  public static String shortArgs(Field<List<String>> args) {
    return args.isPresent() ? shortArgs(args.value()) : args.toString();
  }

  /**
   * {@link #quoteArgs}, cut after {@link #SHORT_ARGS_CHARS} characters with how many more there
   * were.
   */
  public static String shortArgs(List<String> args) {
    String all = quoteArgs(args);
    return all.length() <= SHORT_ARGS_CHARS
        ? all
        : all.substring(0, SHORT_ARGS_CHARS)
            + "... ("
            + (all.length() - SHORT_ARGS_CHARS)
            + " more characters)";
  }

  /**
   * Arguments separated by spaces, each one with a space or nothing in it shown in single quotes.
   */
  public static String quoteArgs(List<String> args) {
    if (args.isEmpty()) {
      return "(none)";
    }
    StringBuilder out = new StringBuilder();
    for (String arg : args) {
      out.append(out.length() == 0 ? "" : " ");
      out.append(
          arg.isEmpty() || arg.indexOf(' ') >= 0 || arg.indexOf('\'') >= 0
              ? "'" + arg.replace("'", "'\\''") + "'"
              : arg);
    }
    return out.toString();
  }
}
