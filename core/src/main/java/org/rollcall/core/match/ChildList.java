package org.rollcall.core.match;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.rollcall.core.proc.ProcFs;
import org.rollcall.core.text.FileText;

/**
 * A process's children as the kernel lists them, in {@code /proc/PID/task/TID/children} for each of
 * its threads (the children a thread started): a few small reads where asking each process for its
 * parent reads every stat.
 */
final class ChildList {
  private ChildList() {}

  /**
   * The children of {@code pid} on {@code fs}, or null when the kernel keeps no such list (built
   * without CONFIG_PROC_CHILDREN) or a thread's cannot be read.
   */
  static Set<Integer> of(ProcFs fs, int pid) {
    String[] threads = fs.path(pid, "task").toFile().list();
    if (threads == null) {
      return null;
    }
    Set<Integer> children = new HashSet<>();
    for (String thread : threads) {
      String text;
      try {
        text =
            FileText.read(fs.path(pid, "task/" + thread + "/children"), StandardCharsets.US_ASCII);
      } catch (IOException e) {
        if (!fs.path(pid, "task/" + thread).toFile().exists()) {
          continue; // the thread ended since the listing
        }
        return null;
      }
      addPids(text, children);
    }
    return children;
  }

  /** Adds the PIDs of {@code text}, separated by spaces ("812 813 "). */
  private static void addPids(String text, Set<Integer> pids) {
    int value = -1;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if (c >= '0' && c <= '9') {
        value = (value < 0 ? 0 : value * 10) + (c - '0');
      } else if (value >= 0) {
        pids.add(value);
        value = -1;
      }
    }
  }
}
