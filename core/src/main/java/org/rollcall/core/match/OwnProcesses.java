package org.rollcall.core.match;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.rollcall.core.proc.ProcFs;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.proc.Scan;

/**
 * The processes a monitor must not count as the system's: itself, its children, and the chain of shells and
 * wrappers that started it (a launcher script named after the executable, {@code sh -c}, {@code env},
 * {@code timeout}, {@code sudo}, ...), up to the first ancestor that is none of those (mon, cron, a login shell's
 * terminal). Only on the live /proc: in a saved tree our PID means nothing.
 */
public final class OwnProcesses {
  private static final Pattern WRAPPER = Pattern.compile(
      "sh|dash|bash|zsh|ksh|mksh|busybox|env|timeout|nice|ionice|nohup|setpriv|runuser|su|sudo|chpst"
          + "|rollcall.*|check_rollcall.*|.*\\.monitor|.*\\.alert");

  private OwnProcesses() {}

  public static Set<Integer> in(Scan scan, ProcFs fs) {
    if (!fs.isLive()) {
      return Set.of();
    }
    int self = (int) ProcessHandle.current().pid();
    Map<Integer, ProcessEntry> byPid = new HashMap<>();
    Set<Integer> own = new HashSet<>();
    own.add(self);
    for (ProcessEntry process : scan.processes()) {
      byPid.put(process.pid(), process);
      if (process.stat().ppid() == self) {
        own.add(process.pid());
      }
    }
    ProcessEntry me = byPid.get(self);
    int parent = me == null ? ProcessHandle.current().parent().map(p -> (int) p.pid()).orElse(0) : me.stat().ppid();
    while (parent > 1 && byPid.containsKey(parent) && WRAPPER.matcher(byPid.get(parent).comm()).matches()
        && own.add(parent)) {
      parent = byPid.get(parent).stat().ppid();
    }
    return own;
  }
}
