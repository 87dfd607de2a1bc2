package org.rollcall.core.cli;

import java.util.Map;

/**
 * The locale of whoever started rollcall, for the programs it starts in turn. The launcher runs the
 * JVM with a UTF-8 character set (under the POSIX locale the JVM would read arguments and file
 * names as ASCII) and says in {@value #VARIABLE} what it changed: {@code NAME=VALUE}, or {@code
 * NAME} alone when the variable was unset. A Nagios plugin, sendmail or a restart command then runs
 * in the locale its caller chose, not in rollcall's.
 */
public final class CallerLocale {
  static final String VARIABLE = "ROLLCALL_CALLER_LOCALE";

  private CallerLocale() {}

  /**
   * Puts the caller's locale variable back into {@code environment}, a child's, and drops {@value
   * #VARIABLE}.
   */
  public static void restore(Map<String, String> environment) {
    String saved = environment.remove(VARIABLE);
    if (saved == null) {
      return;
    }
    int equals = saved.indexOf('=');
    String name = equals < 0 ? saved : saved.substring(0, equals);
    if (!name.equals("LC_ALL") && !name.equals("LC_CTYPE")) {
      return;
    }
    if (equals < 0) {
      environment.remove(name);
    } else {
      environment.put(name, saved.substring(equals + 1));
    }
  }
}
