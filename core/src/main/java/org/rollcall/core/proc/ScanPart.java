package org.rollcall.core.proc;

import java.util.ArrayList;
import java.util.List;

/**
 * The processes of one slice of a scan's PIDs, read with a reader of their own, so two slices can
 * be read at once. Their entries read further files through that reader later, on the scan's
 * thread: the join orders it.
 */
final class ScanPart implements Runnable {
  private final ProcessReader reader;
  private final int[] pids;
  private final int start;
  private final int end;
  private final ProcFs.Reading reading;
  private final boolean credentials;
  private final boolean cgroups;
  private final List<ProcessEntry> processes = new ArrayList<>();
  private int unreadable;
  private int malformed;
  private String firstMalformed;
  private Throwable failure;

  /**
   * Reads each process's stat, its comm or nothing, as {@code reading} says (see {@link
   * ProcFs#scanNames()}); with {@code credentials}, its status too, and with {@code cgroups} its
   * cgroup file. The parts of one scan share {@code units}.
   */
  ScanPart(
      ProcFs fs,
      UnitLookup units,
      int[] pids,
      int start,
      int end,
      ProcFs.Reading reading,
      boolean credentials,
      boolean cgroups) {
    this.reader = new ProcessReader(fs, units);
    this.pids = pids;
    this.start = start;
    this.end = end;
    this.reading = reading;
    this.credentials = credentials;
    this.cgroups = cgroups;
  }

  /** Reads this part's processes; what it throws is kept for {@link #rethrow()}. */
  @Override
  public void run() {
    try {
      for (int i = start; i < end; i++) {
        switch (open(pids[i])) {
          case OPENED -> add(reader.opened());
          case UNREADABLE -> unreadable++;
          case MALFORMED -> {
            malformed++;
            firstMalformed = firstMalformed == null ? reader.malformed() : firstMalformed;
          }
          case GONE -> {}
        }
      }
    } catch (RuntimeException | Error e) {
      failure = e;
    }
  }

  private ProcessReader.Opening open(int pid) {
    return switch (reading) {
      case STAT -> reader.open(pid);
      case NAME -> reader.openName(pid);
      case NOTHING -> reader.openListed(pid);
    };
  }

  private void add(ProcessEntry process) {
    try {
      if (credentials) {
        process.credentials();
      }
      if (cgroups) {
        process.cgroup();
      }
    } catch (ProcessGoneException e) {
      return;
    }
    processes.add(process);
  }

  /** Runs this part on a new thread while {@code other} runs on this one. */
  void runAlongside(ScanPart other) {
    Thread thread = new Thread(this, "rollcall-scan");
    thread.setDaemon(true);
    thread.start();
    other.run();
    joinUninterruptibly(thread);
  }

  /** Throws what reading this part threw, if anything. */
  void rethrow() {
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
  }

  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  int end() {
    return end;
  }

  List<ProcessEntry> processes() {
    return processes;
  }

  int unreadable() {
    return unreadable;
  }

  int malformed() {
    return malformed;
  }

  String firstMalformed() {
    return firstMalformed;
  }
}
