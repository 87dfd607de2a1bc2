package org.rollcall.alerts;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/** The functions of {@code <syslog.h>}; names as in C. */
interface SyslogLibrary extends Library {
  /**
   * openlog(3). glibc keeps the {@code ident} pointer: it must stay valid until {@link #closelog}.
   */
  void openlog(Pointer ident, int option, int facility);

  /** syslog(3), always called with the format "%s" so no message text is read as a format. */
  void syslog(int priority, String format, String message);

  /** closelog(3). */
  void closelog();
}
