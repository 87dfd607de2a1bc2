package org.rollcall.core.proc;

import java.util.List;
import org.rollcall.core.text.Glob;

/**
 * One process seen by a scan: its stat (or only its name, see {@link ProcFs#scanNames()}, or
 * nothing, see {@link ProcFs#scanListed()}), read when the scan listed it, and its other files,
 * each read the first time it is asked for and kept. Any accessor may throw {@link
 * ProcessGoneException} when the process has exited since; callers skip such a process.
 */
public final class ProcessEntry {
  private final ProcessReader reader;
  private final int pid;
  private String comm;
  private ProcStat stat;
  private Field<Credentials> credentials;
  private Field<List<String>> cmdline;
  private boolean cmdlineTruncated;
  private Field<Executable> exe;
  private boolean noExecutable;
  private Field<SecurityLabel> label;
  private Field<ControlGroup> cgroup;
  private Field<Memory> memory;
  private Field<Integer> openFiles;
  private Field<Capabilities> capabilities;
  private Field<List<StaleFile>> staleCode;

  ProcessEntry(ProcessReader reader, ProcStat stat) {
    this.reader = reader;
    this.pid = stat.pid();
    this.comm = stat.comm();
    this.stat = stat;
  }

  /**
   * A process known so far by its PID and name only (or its PID alone: {@code comm} null), the rest
   * read when first asked for.
   */
  ProcessEntry(ProcessReader reader, int pid, String comm) {
    this.reader = reader;
    this.pid = pid;
    this.comm = comm;
  }

  public int pid() {
    return pid;
  }

  public ProcStat stat() {
    if (stat == null) {
      stat = reader.stat(pid);
    }
    return stat;
  }

  /** The stat when it was read already, else null: for what may use it without reading it. */
  public ProcStat statIfRead() {
    return stat;
  }

  /** The kernel's process name (comm), at most 15 bytes for user processes. */
  public String comm() {
    if (comm == null) {
      comm = reader.comm(pid);
    }
    return comm;
  }

  /** UIDs, GIDs and supplementary groups from {@code status}. */
  public Field<Credentials> credentials() {
    if (credentials == null) {
      credentials = reader.credentials(pid());
    }
    return credentials;
  }

  /** Resident and virtual memory from {@code status}. */
  public Field<Memory> memory() {
    if (memory == null) {
      memory = reader.memory(this);
    }
    return memory;
  }

  /** How many file descriptors are open, from {@code fd}: listed only when asked. */
  public Field<Integer> openFiles() {
    if (openFiles == null) {
      openFiles = reader.openFiles(pid);
    }
    return openFiles;
  }

  /**
   * Seconds since the process started: the scan's uptime less the start time from {@code stat}, as
   * ps(1) counts ELAPSED.
   */
  public Field<Double> ageSeconds() {
    Field<Double> uptime = reader.uptime();
    if (!uptime.isPresent()) {
      return uptime;
    }
    return Field.of(Math.max(0, uptime.value() - ProcClock.seconds(stat().starttime())));
  }

  /** The arguments from {@code cmdline}; empty for kernel threads and zombies. */
  public Field<List<String>> cmdline() {
    if (cmdline == null) {
      cmdline = reader.cmdline(pid());
      cmdlineTruncated = reader.cmdlineTruncated();
    }
    return cmdline;
  }

  /**
   * Whether {@link #cmdline()} holds only the arguments found whole in the first 8 MiB: any process
   * can make its command line as long as it likes, so reading stops there.
   */
  public boolean cmdlineTruncated() {
    cmdline();
    return cmdlineTruncated;
  }

  /**
   * The executable from the {@code exe} link; absent for kernel threads, zombies and unreadable
   * links.
   */
  public Field<Executable> exe() {
    if (exe == null) {
      exe = reader.exe(this);
    }
    return exe;
  }

  /**
   * Whether the process runs no executable at all: a kernel thread, a zombie, or one exiting (its
   * memory released, so its exe link is gone). False when {@link #exe()} is present, or absent only
   * because it could not be read.
   */
  public boolean runsNoExecutable() {
    exe();
    return noExecutable;
  }

  void markNoExecutable() {
    noExecutable = true;
  }

  /** The security label from {@code attr/current}; absent when the kernel has none. */
  public Field<SecurityLabel> label() {
    if (label == null) {
      label = reader.label(pid());
    }
    return label;
  }

  /** The systemd cgroup and unit from {@code cgroup}; absent when the file is missing. */
  public Field<ControlGroup> cgroup() {
    if (cgroup == null) {
      cgroup = reader.cgroup(pid());
    }
    return cgroup;
  }

  /** The effective and ambient capabilities from {@code status}. */
  public Field<Capabilities> capabilities() {
    if (capabilities == null) {
      capabilities = reader.capabilities(pid());
    }
    return capabilities;
  }

  /**
   * The files the process runs code from (its executable, the files it mapped executable) that were
   * deleted or replaced on disk since it loaded them, executable first; empty for a process running
   * no executable. Reads {@code maps}, which for a JVM is thousands of lines: asked for only by a
   * rule on it.
   */
  public Field<List<StaleFile>> staleCode() {
    if (staleCode == null) {
      staleCode = reader.staleCode(this);
    }
    return staleCode;
  }

  /** Whether the process is in a systemd unit {@code glob} matches (see {@link ControlGroup}). */
  public Field<Boolean> inUnit(Glob glob) {
    return reader.inUnit(this, glob);
  }

  /**
   * Whether the executable is the file {@code path} names here, not a look-alike shown under that
   * path in another mount namespace; call only when {@link #exe()} shows {@code path}. Not kept:
   * asked rarely.
   */
  public Field<Boolean> exeIsFileAt(String path) {
    return reader.exeIsFileAt(pid(), exe().value(), path);
  }

  /**
   * Drops the fields read so far (the stat stays); an accessor called later reads its file again. A
   * monitor that walks a whole scan releases each process once judged, so its memory does not grow
   * with the sum of every process's command line (128 KiB and more each, chosen by any user).
   */
  public void release() {
    credentials = null;
    cmdline = null;
    cmdlineTruncated = false;
    exe = null;
    noExecutable = false;
    label = null;
    cgroup = null;
    memory = null;
    openFiles = null;
    capabilities = null;
    staleCode = null;
  }

  @Override
  public String toString() {
    return pid + " (" + comm + ")";
  }
}
