package org.rollcall.core.match;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  private static final Set<String> WRAPPERS = Set.of("sh", "dash", "bash", "zsh", "ksh", "mksh", "busybox", "env",
      "timeout", "nice", "ionice", "nohup", "setpriv", "runuser", "su", "sudo", "chpst");

  private OwnProcesses() {}

  public static Set<Integer> in(Scan scan, ProcFs fs) {
    if (!fs.isLive()) {
      return Set.of();
    }
    int self = selfPid(fs);
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
    int parent = me == null ? parentPid() : me.stat().ppid();
    while (parent > 1 && byPid.containsKey(parent) && isWrapper(byPid.get(parent).comm()) && own.add(parent)) {
      parent = byPid.get(parent).stat().ppid();
    }
    return own;
  }

  /**
   * Whether a process named {@code comm} is a shell or wrapper that starts monitors: one of {@link #WRAPPERS},
   * {@code rollcall*}, {@code check_rollcall*}, {@code *.monitor} or {@code *.alert} (a name that holds a line
   * break is none of these, as the regular expression this replaces said).
   */
  static boolean isWrapper(String comm) {
    if (WRAPPERS.contains(comm)) {
      return true;
    }
    boolean shaped = comm.startsWith("rollcall") || comm.startsWith("check_rollcall") || comm.endsWith(".monitor")
        || comm.endsWith(".alert");
    return shaped && !hasLineBreak(comm);
  }

  private static boolean hasLineBreak(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }

  /** Our PID, as the link /proc/self names it (ProcessHandle would start the JDK's process-reaper machinery). */
  private static int selfPid(ProcFs fs) {
    try {
      return Integer.parseInt(Files.readSymbolicLink(fs.root().resolve("self")).toString());
    } catch (IOException | NumberFormatException e) {
      return (int) ProcessHandle.current().pid();
    }
  }

  private static int parentPid() {
    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    return parent.isPresent() ? (int) parent.get().pid() : 0;
  }
}
