package org.rollcall.core.proc;

import java.util.List;
import java.util.Optional;

/**
 * The processes one pass over a proc tree found.
 *
 * @param processes those whose stat was read, ascending by PID
 * @param unreadable how many listed processes could not be read at all (hidepid=1 and the like), or
 *     whose stat was malformed: either may match any rule
 * @param hiddenNote why further processes may not be listed at all, or null
 * @param malformed how many of the unreadable had a malformed stat
 * @param malformedReason the first of those: "malformed FILE: problem", or null
 */
public record Scan(
    List<ProcessEntry> processes,
    int unreadable,
    String hiddenNote,
    int malformed,
    String malformedReason) {

  /** A scan in which every stat that could be read parsed. */
  public Scan(List<ProcessEntry> processes, int unreadable, String hiddenNote) {
    this(processes, unreadable, hiddenNote, 0, null);
  }

  /** The process with {@code pid}, if this scan read it (a binary search: processes ascend). */
  public Optional<ProcessEntry> process(int pid) {
    int low = 0;
    int high = processes.size() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int found = processes.get(middle).pid();
      if (found == pid) {
        return Optional.of(processes.get(middle));
      }
      if (found < pid) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return Optional.empty();
  }

  /** Whether some processes may exist that this scan could not see or read. */
  public boolean isIncomplete() {
    return unreadable > 0 || hiddenNote != null;
  }

  /** One line saying what this scan could not see, or null when it saw everything. */
  public String incompletenessNote() {
    if (!isIncomplete()) {
      return null;
    }
    int denied = unreadable - malformed;
    String unreadableText =
        denied > 0 ? denied + " processes could not be read (permission denied)" : null;
    if (malformed > 0) {
      String parsed =
          malformed
              + (malformed == 1 ? " process" : " processes")
              + " could not be parsed ("
              + malformedReason
              + (malformed > 1 ? ", and others" : "")
              + ")";
      unreadableText = unreadableText == null ? parsed : unreadableText + "; " + parsed;
    }
    if (hiddenNote == null) {
      return unreadableText;
    }
    return unreadableText == null ? hiddenNote : hiddenNote + "; " + unreadableText;
  }
}
