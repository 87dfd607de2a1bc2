package org.rollcall.core.proc;

import java.util.List;

/**
 * The processes one pass over a proc tree found.
 *
 * @param processes those whose stat was read, ascending by PID
 * @param unreadable how many listed processes could not be read at all (hidepid=1 and the like)
 * @param hiddenNote why further processes may not be listed at all, or null
 */
public record Scan(List<ProcessEntry> processes, int unreadable, String hiddenNote) {

  /** Whether some processes may exist that this scan could not see or read. */
  public boolean isIncomplete() {
    return unreadable > 0 || hiddenNote != null;
  }

  /** One line saying what this scan could not see, or null when it saw everything. */
  public String incompletenessNote() {
    if (!isIncomplete()) {
      return null;
    }
    String unreadableText = unreadable > 0 ? unreadable + " processes could not be read (permission denied)" : null;
    if (hiddenNote == null) {
      return unreadableText;
    }
    return unreadableText == null ? hiddenNote : hiddenNote + "; " + unreadableText;
  }
}
