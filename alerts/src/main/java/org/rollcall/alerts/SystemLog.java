package org.rollcall.alerts;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.rollcall.core.text.SafeText;

/**
 * Writes records to the system log through the C library's {@code syslog(3)} (JNA, loaded on first
 * use), so they go wherever the machine's syslog daemon or journald sends them. Each record is one
 * line: callers escape untrusted text first.
 */
public final class SystemLog {
  /** LOG_PID: each record carries the alert's PID. */
  private static final int LOG_PID = 0x01;

  private static final List<String> PRIORITIES =
      List.of("emerg", "alert", "crit", "err", "warning", "notice", "info", "debug");
  private static final List<String> FACILITIES =
      List.of(
          "kern",
          "user",
          "mail",
          "daemon",
          "auth",
          "syslog",
          "lpr",
          "news",
          "uucp",
          "cron",
          "authpriv",
          "ftp");

  private static SyslogLibrary library;

  private SystemLog() {}

  /** The priority number of a name such as "err" or "warning" (also "error", "warn"). */
  public static int priority(String name) {
    String key =
        switch (name.toLowerCase(Locale.ROOT)) {
          case "error" -> "err";
          case "warn" -> "warning";
          case "panic" -> "emerg";
          default -> name.toLowerCase(Locale.ROOT);
        };
    int index = PRIORITIES.indexOf(key);
    if (index < 0) {
      throw new IllegalArgumentException(
          "unknown syslog priority '" + name + "'; use one of " + PRIORITIES);
    }
    return index;
  }

  /**
   * The facility code (already shifted, as LOG_DAEMON is) of a name such as "daemon" or "local3".
   */
  public static int facility(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    if (key.matches("local[0-7]")) {
      return (16 + key.charAt(5) - '0') << 3;
    }
    int index = FACILITIES.indexOf(key);
    if (index < 0) {
      throw new IllegalArgumentException(
          "unknown syslog facility '"
              + name
              + "'; use one of "
              + FACILITIES
              + " or local0..local7");
    }
    return index << 3;
  }

  /**
   * Logs {@code message} (already escaped to one line by the caller, see {@link SafeText#escape})
   * as one record with {@code tag}. syslog(3) reports no errors: a missing syslog daemon loses the
   * record silently, which is why alerts also keep a fallback file.
   */
  public static synchronized void log(String tag, int facility, int priority, String message) {
    if (library == null) {
      library = Native.load("c", SyslogLibrary.class);
    }
    byte[] tagBytes = SafeText.escape(tag).getBytes(StandardCharsets.UTF_8);
    Memory ident = new Memory(tagBytes.length + 1L);
    ident.write(0, tagBytes, 0, tagBytes.length);
    ident.setByte(tagBytes.length, (byte) 0);
    library.openlog(ident, LOG_PID, facility);
    try {
      library.syslog(facility | priority, "%s", message);
    } finally {
      library.closelog();
      // glibc held on to ident until closelog: keep the memory from being freed before then.
      Reference.reachabilityFence(ident);
    }
  }

  /**
   * Logs rollcall's own record (daemon facility, tag "rollcall"), ignoring a C library without
   * syslog(3): the caller also says it on stdout or in a file.
   */
  public static void report(String priorityName, String message) {
    try {
      log("rollcall", facility("daemon"), priority(priorityName), message);
    } catch (LinkageError | RuntimeException e) {
      // Said elsewhere too; nothing more to do.
    }
  }
}
