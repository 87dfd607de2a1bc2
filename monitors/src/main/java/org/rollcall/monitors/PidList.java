package org.rollcall.monitors;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** The PIDs a detail line names: the first {@link #SHOWN}, then how many more. */
public final class PidList {
  /** How many PIDs a detail line names. */
  public static final int SHOWN = 20;

  private PidList() {}

  /** {@code ": pids 1 2 3"} with at most {@link #SHOWN} of them, or nothing for none. */
  public static String of(List<Integer> pids) {
    if (pids.isEmpty()) {
      return "";
    }
    StringJoiner shown = new StringJoiner(" ", ": pids ", "");
    for (int pid : pids.subList(0, Math.min(SHOWN, pids.size()))) {
      shown.add(Integer.toString(pid));
    }
    return shown + (pids.size() > SHOWN ? " and " + (pids.size() - SHOWN) + " more" : "");
  }

  /**
   * {@link #of(List)}, each PID followed by what was measured of it where there is something:
   * {@code ": pids 812 (rss 2.3 GiB), 913 (rss 2.1 GiB)"}.
   */
  public static String of(List<Integer> pids, Map<Integer, String> measures) {
    if (measures.isEmpty()) {
      return of(pids);
    }
    StringJoiner shown = new StringJoiner(", ", ": pids ", "");
    for (int pid : pids.subList(0, Math.min(SHOWN, pids.size()))) {
      String measured = measures.get(pid);
      shown.add(measured == null ? Integer.toString(pid) : pid + " (" + measured + ")");
    }
    return shown + (pids.size() > SHOWN ? " and " + (pids.size() - SHOWN) + " more" : "");
  }
}
