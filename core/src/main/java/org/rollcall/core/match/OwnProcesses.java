package org.rollcall.core.match;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.rollcall.core.proc.ProcFs;
import org.rollcall.core.proc.ProcStat;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.proc.ProcessGoneException;
import org.rollcall.core.proc.Scan;

/**
 * The processes a monitor must not count as the system's: itself, its children, and the chain of
 * shells and wrappers that started it (a launcher script named after the executable, {@code sh -c},
 * {@code env}, {@code timeout}, {@code sudo}, ...), up to the first ancestor that is none of those
 * (mon, cron, a login shell's terminal). Only on the live /proc: in a saved tree our PID means
 * nothing.
 */
public final class OwnProcesses {
  private static final Set<String> WRAPPERS =
      Set.of(
          "sh", "dash", "bash", "zsh", "ksh", "mksh", "busybox", "env", "timeout", "nice", "ionice",
          "nohup", "setpriv", "runuser", "su", "sudo", "chpst");

  private final int self;
  private final Set<Integer> listed;

  private final ProcFs fs;

  /**
   * Our children as the kernel lists them, read when first needed: for a process whose stat no term
   * has read. Null before, and when the kernel cannot tell (built without CONFIG_PROC_CHILDREN):
   * each process's parent is then read from its stat.
   */
  private Set<Integer> children;

  private boolean childrenRead;

  /** {@code self}'s children and the processes {@code listed}; self 0 for no children. */
  private OwnProcesses(int self, Set<Integer> listed, ProcFs fs) {
    this.self = self;
    this.listed = listed;
    this.fs = fs;
  }

  /**
   * Our own processes in {@code scan}: the chain above us is found now, our children when asked
   * ({@link #includes}): by the parent in a stat already read, else from the kernel's list of each
   * of our threads' children, so a scan that needs no stat reads none for this.
   */
  public static OwnProcesses of(Scan scan, ProcFs fs) {
    if (!fs.isLive()) {
      return new OwnProcesses(0, Set.of(), fs);
    }
    int self = selfPid(fs);
    Set<Integer> chain = new HashSet<>();
    chain.add(self);
    ProcessEntry me = scan.process(self).orElse(null);
    int parent = me == null ? parentPid() : me.stat().ppid();
    ProcessEntry ancestor = scan.process(parent).orElse(null);
    while (parent > 1 && ancestor != null && isWrapper(commOf(ancestor))) {
      int above = parentOf(ancestor);
      // A child of ours is one already; a PID seen before closes a loop.
      if (above == self || !chain.add(parent)) {
        break;
      }
      parent = above;
      ancestor = scan.process(parent).orElse(null);
    }
    return new OwnProcesses(self, chain, fs);
  }

  /** The process's name, or "" once it has exited (a scan may read it only now). */
  private static String commOf(ProcessEntry process) {
    try {
      return process.comm();
    } catch (ProcessGoneException e) {
      return "";
    }
  }

  /** The parent's PID, or -1 once the process has exited (its stat may be read only now). */
  private static int parentOf(ProcessEntry process) {
    try {
      return process.stat().ppid();
    } catch (ProcessGoneException e) {
      return -1;
    }
  }

  /** Exactly the processes {@code pids} (for a saved tree, where our own PID means nothing). */
  static OwnProcesses listed(Set<Integer> pids) {
    return new OwnProcesses(0, pids, null);
  }

  /**
   * The PIDs of all our own processes in a full {@code scan} (one that holds every process's stat).
   */
  public static Set<Integer> in(Scan scan, ProcFs fs) {
    OwnProcesses own = of(scan, fs);
    Set<Integer> pids = new HashSet<>(own.listed);
    for (ProcessEntry process : scan.processes()) {
      if (own.includes(process)) {
        pids.add(process.pid());
      }
    }
    return pids;
  }

  /**
   * Whether {@code process} is one of ours; may read its stat (and throw {@link
   * ProcessGoneException}).
   */
  public boolean includes(ProcessEntry process) {
    if (listed.contains(process.pid())) {
      return true;
    }
    if (self <= 0) {
      return false;
    }
    ProcStat stat = process.statIfRead();
    if (stat == null && children() != null) {
      return children.contains(process.pid());
    }
    return (stat != null ? stat : process.stat()).ppid() == self;
  }

  private Set<Integer> children() {
    if (!childrenRead) {
      children = ChildList.of(fs, self);
      childrenRead = true;
    }
    return children;
  }

  /**
   * Whether a process named {@code comm} is a shell or wrapper that starts monitors: one of {@link
   * #WRAPPERS}, {@code rollcall*}, {@code check_rollcall*}, {@code *.monitor} or {@code *.alert} (a
   * name that holds a line break is none of these, as the regular expression this replaces said).
   */
  static boolean isWrapper(String comm) {
    if (WRAPPERS.contains(comm)) {
      return true;
    }
    boolean shaped =
        comm.startsWith("rollcall")
            || comm.startsWith("check_rollcall")
            || comm.endsWith(".monitor")
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

  /**
   * Our PID, as the link /proc/self names it (ProcessHandle would start the JDK's process-reaper
   * machinery).
   */
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
