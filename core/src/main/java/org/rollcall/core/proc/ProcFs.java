package org.rollcall.core.proc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A proc filesystem rooted at a directory: the system's {@code /proc}, or a fixture tree in tests
 * and {@code --proc-root}. A value, never a global: everything that reads processes is handed one.
 */
public final class ProcFs {
  private static final Path SYSTEM_ROOT = Path.of("/proc");

  /**
   * Enough processes that reading their stat (and status) on two threads repays starting one
   * (bench/README.md).
   */
  static final int PARALLEL_FROM = 400;

  /**
   * The same for their comm alone, which costs the kernel less than half a stat (bench/README.md).
   */
  static final int PARALLEL_NAMES_FROM = 2500;

  /** What a scan reads of each process it lists. */
  enum Reading {
    STAT,
    NAME,
    NOTHING
  }

  private final Path root;
  private final String rootText;
  private final boolean live;

  private ProcFs(Path root) {
    this.root = root;
    String text = root.toString();
    this.rootText = text.endsWith("/") ? text : text + "/";
    this.live = root.toAbsolutePath().normalize().equals(SYSTEM_ROOT);
  }

  /** The running system's {@code /proc}. */
  public static ProcFs system() {
    return new ProcFs(SYSTEM_ROOT);
  }

  /** A proc tree rooted at {@code root}, such as a saved or hand-built fixture. */
  public static ProcFs at(Path root) {
    return new ProcFs(root);
  }

  public Path root() {
    return root;
  }

  /**
   * Whether this is the proc filesystem of the system we run on (so "self" and our own PID mean
   * something).
   */
  public boolean isLive() {
    return live;
  }

  /** {@code root/PID/file}, e.g. {@code path(26231, "stat")}. */
  public Path path(int pid, String file) {
    return root.resolve(Integer.toString(pid)).resolve(file);
  }

  /** {@link #path} as text, which the per-process reads open without building a Path. */
  String pathText(int pid, String file) {
    return rootText + pid + "/" + file;
  }

  /**
   * The PIDs listed now, ascending. Entries that are not all digits (self, sys, ...) are not
   * processes.
   */
  public int[] pids() {
    String[] names = root.toFile().list();
    if (names == null) {
      throw new IllegalStateException("cannot list " + root + ": not a readable directory");
    }
    int[] pids = new int[names.length];
    int count = 0;
    for (String name : names) {
      int pid = parsePid(name);
      if (pid > 0) {
        pids[count++] = pid;
      }
    }
    int[] result = Arrays.copyOf(pids, count);
    // The kernel lists /proc's PIDs ascending: sorting them again costs a cold JVM
    // (bench/README.md).
    if (!ascending(result)) {
      Arrays.sort(result);
    }
    return result;
  }

  private static boolean ascending(int[] values) {
    for (int i = 1; i < values.length; i++) {
      if (values[i - 1] > values[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads every listed process's stat; processes that exit meanwhile are left out. Many processes
   * are read in two halves on two threads when there are two CPUs: the kernel's work per file is
   * most of a scan.
   */
  public Scan scan() {
    return scan(Reading.STAT, false, false, PARALLEL_FROM);
  }

  /**
   * As {@link #scan()}, and reads each process's {@code status} on the scan's threads too: for a
   * monitor that needs every process's credentials (the kernel's work for a status is most of what
   * a process costs it).
   */
  public Scan scanWithCredentials() {
    return scan(Reading.STAT, true, false, PARALLEL_FROM);
  }

  /**
   * As {@link #scanWithCredentials()}, and reads each process's {@code cgroup} on the scan's
   * threads too: for a reader of every process's unit (ps.discover).
   */
  public Scan scanWithCredentialsAndCgroups() {
    return scan(Reading.STAT, true, true, PARALLEL_FROM);
  }

  /**
   * As {@link #scan()}, but reads each process's name from {@code comm} and its stat only when
   * first asked for: the kernel does less than half the work for comm, and a monitor whose rules
   * name processes or executables needs the stat only of those its rules match (to skip zombies and
   * itself). On a saved tree, which need not hold comm files, the same as {@link #scan()}.
   */
  public Scan scanNames() {
    return scanNames(PARALLEL_NAMES_FROM);
  }

  /**
   * As {@link #scanNames()}, and reads each process's {@code status} on the scan's threads too,
   * from as few processes as {@link #scanWithCredentials()}: for rules that test {@code user=} or
   * {@code group=} first, which read every status anyway.
   */
  public Scan scanNamesWithCredentials() {
    return scan(live ? Reading.NAME : Reading.STAT, true, false, PARALLEL_FROM);
  }

  /** {@link #scanNames()} on two threads from {@code parallelFrom} processes. */
  Scan scanNames(int parallelFrom) {
    return scan(live ? Reading.NAME : Reading.STAT, false, false, parallelFrom);
  }

  /**
   * As {@link #scanNames()}, but reads nothing of a process until asked: for rules that start with
   * {@code *}, which every process passes. On a saved tree, the same as {@link #scan()}.
   */
  public Scan scanListed() {
    return live ? scan(Reading.NOTHING, false, false, Integer.MAX_VALUE) : scan();
  }

  private Scan scan(Reading reading, boolean credentials, boolean cgroups, int parallelFrom) {
    int[] pids = pids();
    boolean parallel =
        pids.length >= parallelFrom && Runtime.getRuntime().availableProcessors() > 1;
    UnitLookup units = new UnitLookup(this);
    ScanPart first =
        new ScanPart(
            this,
            units,
            pids,
            0,
            parallel ? pids.length / 2 : pids.length,
            reading,
            credentials,
            cgroups);
    ScanPart second =
        new ScanPart(this, units, pids, first.end(), pids.length, reading, credentials, cgroups);
    if (parallel) {
      second.runAlongside(first);
    } else {
      first.run();
    }
    first.rethrow();
    second.rethrow();
    List<ProcessEntry> processes = new ArrayList<>(first.processes());
    processes.addAll(second.processes());
    int malformed = first.malformed() + second.malformed();
    String why = first.firstMalformed() != null ? first.firstMalformed() : second.firstMalformed();
    return new Scan(
        List.copyOf(processes),
        first.unreadable() + second.unreadable() + malformed,
        hiddenProcessesNote(),
        malformed,
        why);
  }

  /** One process, if it exists and its stat can be read. */
  public Optional<ProcessEntry> process(int pid) {
    ProcessReader reader = new ProcessReader(this);
    return reader.open(pid) == ProcessReader.Opening.OPENED
        ? Optional.of(reader.opened())
        : Optional.empty();
  }

  /**
   * Why other users' processes may be missing from a scan, or null when they cannot be (see {@link
   * HiddenProcesses}); always null for a saved tree.
   */
  public String hiddenProcessesNote() {
    return live ? HiddenProcesses.note(root) : null;
  }

  private static int parsePid(String name) {
    if (name.isEmpty() || name.length() > 9) {
      return -1;
    }
    int pid = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      pid = pid * 10 + (c - '0');
    }
    return pid;
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
