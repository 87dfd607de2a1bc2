package org.rollcall.monitors.ps;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.match.OwnProcesses;
import org.rollcall.core.match.Rule;
import org.rollcall.core.match.RuleCount;
import org.rollcall.core.match.RuleCounter;
import org.rollcall.core.proc.ProcFs;
import org.rollcall.core.proc.Scan;
import org.rollcall.core.result.Status;
import org.rollcall.core.text.Decimals;

/** ps.monitor --recheck: which rules to count again after the delay, and the counts merged. */
final class Recheck {
  private Recheck() {}

  /** The --recheck delay, or null without one; one that does not fit the deadline is refused. */
  static Duration delay(Double recheckSeconds, Deadline deadline) {
    if (recheckSeconds == null) {
      return null;
    }
    Duration delay = Duration.ofMillis((long) (recheckSeconds * 1000));
    if (recheckSeconds < 0 || !deadline.fits(delay, Duration.ofSeconds(1))) {
      throw new UsageException(
          "--recheck "
              + Decimals.plain(recheckSeconds)
              + " s must be at least 0 and leave a "
              + "second of the --timeout ("
              + Decimals.plain(deadline.total().toMillis() / 1000.0)
              + " s)");
    }
    return delay;
  }

  static boolean anyFailed(List<RuleCount> counts) {
    for (RuleCount count : counts) {
      if (count.status() != Status.OK) {
        return true;
      }
    }
    return false;
  }

  static List<Rule> failedRules(List<RuleCount> counts) {
    return counts.stream().filter(c -> c.status() != Status.OK).map(RuleCount::rule).toList();
  }

  /** Counts the {@code failed} rules again on {@code scan}, keeping the ones that held. */
  static List<RuleCount> recount(List<RuleCount> first, List<Rule> failed, Scan scan, ProcFs fs) {
    List<RuleCount> again = RuleCounter.count(failed, scan, OwnProcesses.of(scan, fs));
    List<RuleCount> merged = new ArrayList<>();
    int next = 0;
    for (RuleCount count : first) {
      merged.add(count.status() == Status.OK ? count : again.get(next++));
    }
    return merged;
  }
}
