package org.rollcall.monitors.ps;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.ids.UserDirectory;
import org.rollcall.core.match.ProcessDescription;
import org.rollcall.core.match.Rule;
import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.MalformedProcFileException;
import org.rollcall.core.proc.ProcClock;
import org.rollcall.core.proc.ProcFs;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.text.SafeText;

/** ps.monitor --explain: everything seen of one process, and each rule's terms on it. */
final class PsExplain {
  private PsExplain() {}

  /** Prints what is seen of {@code pid} and each rule's verdict on it; 0, or a usage error. */
  static int print(ProcFs fs, int pid, List<Rule> rules, UserDirectory users, PrintWriter out) {
    Optional<ProcessEntry> found = fs.process(pid);
    if (found.isEmpty()) {
      String hidden = fs.hiddenProcessesNote();
      throw new UsageException(
          "no process " + pid + " in " + fs.root() + (hidden == null ? "" : " (" + hidden + ")"));
    }
    ProcessEntry process = found.get();
    List<String> lines = new ArrayList<>(ProcessDescription.lines(process, users, bootTime(fs)));
    for (Rule rule : rules) {
      lines.add("rule " + rule.text() + ": " + rule.match().test(process));
      rule.match().explain(process).forEach(term -> lines.add("  " + term));
    }
    lines.forEach(line -> out.print(SafeText.escape(line) + "\n"));
    return 0;
  }

  /** The boot time to date a start by, or why there is none (a saved tree without its stat). */
  private static Field<Long> bootTime(ProcFs fs) {
    try {
      return Field.of(ProcClock.bootTime(fs));
    } catch (IllegalStateException | MalformedProcFileException e) {
      return Field.absent(e.getMessage());
    }
  }
}
