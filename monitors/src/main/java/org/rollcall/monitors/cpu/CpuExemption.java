package org.rollcall.monitors.cpu;

import java.util.ArrayList;
import java.util.List;
import org.rollcall.core.match.ProcessMatch;
import org.rollcall.core.proc.Credentials;
import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.proc.ProcessGoneException;
import org.rollcall.core.result.Status;

/**
 * Which processes cpu.monitor does not judge, and reading the ones it shows while they are still
 * there.
 */
final class CpuExemption {
  private CpuExemption() {}

  /**
   * Whether {@code process} belongs to a regular user ({@code regular} null when --include-users)
   * or an {@code --exempt} MATCH certainly matches it. An undecided exemption is no exemption: a
   * hog is reported rather than excused on a guess.
   */
  static boolean exempt(ProcessEntry process, RegularUsers regular, List<ProcessMatch> exempt) {
    if (regular != null) {
      Field<Credentials> credentials = process.credentials();
      if (credentials.isPresent() && regular.contains(credentials.value().effectiveUid())) {
        return true;
      }
    }
    for (ProcessMatch match : exempt) {
      if (match.test(process).isYes()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The processes with the fields their detail lines show already read: those over a limit and the
   * {@code top} busiest. One that exited meanwhile is dropped; the others are kept as they are.
   */
  static List<CpuUse> readShown(List<CpuUse> busiestFirst, CpuLimits limits, int top) {
    List<CpuUse> kept = new ArrayList<>(busiestFirst.size());
    for (int i = 0; i < busiestFirst.size(); i++) {
      CpuUse use = busiestFirst.get(i);
      if (i < top || limits.status(use.percent()) != Status.OK) {
        try {
          use.process().exe();
          use.process().cmdline();
          use.process().credentials();
        } catch (ProcessGoneException e) {
          continue;
        }
      }
      kept.add(use);
    }
    return kept;
  }
}
