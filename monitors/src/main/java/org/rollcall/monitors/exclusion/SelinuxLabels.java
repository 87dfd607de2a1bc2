package org.rollcall.monitors.exclusion;

import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.proc.ProcessGoneException;
import org.rollcall.core.proc.Scan;
import org.rollcall.core.proc.SecurityLabel;

/**
 * Whether a scan's processes carry SELinux labels, judged from the first process whose label can be
 * read.
 */
final class SelinuxLabels {
  private SelinuxLabels() {}

  /**
   * Null when SELinux labels can be read; otherwise why not, for a "SELinux labels not readable"
   * line.
   */
  static String unavailableReason(Scan scan) {
    String firstReason = null;
    for (ProcessEntry process : scan.processes()) {
      Field<SecurityLabel> label;
      try {
        label = process.label();
      } catch (ProcessGoneException e) {
        continue;
      }
      if (label.isPresent()) {
        return label.value().isSelinux()
            ? null
            : "the labels are another security module's, not SELinux's (pid "
                + process.pid()
                + ": '"
                + label.value()
                + "')";
      }
      if (firstReason == null) {
        firstReason = "pid " + process.pid() + ": " + label.whyAbsent();
      }
    }
    return firstReason == null ? "no process to read a label from" : firstReason;
  }
}
