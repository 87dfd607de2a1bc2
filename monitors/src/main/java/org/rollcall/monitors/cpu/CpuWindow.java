package org.rollcall.monitors.cpu;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.proc.ProcClock;
import org.rollcall.core.proc.ProcFs;
import org.rollcall.core.proc.Scan;
import org.rollcall.core.text.Decimals;

/**
 * Chooses and takes cpu.monitor's measuring window: since the previous run's sample when the state
 * directory has a usable one (no waiting, and a process that spun all interval is seen), otherwise
 * a sample of its own; and stores the latest sample for the next run.
 */
final class CpuWindow {
  /**
   * A previous sample closer than this (a concurrent run, a rerun by hand) is too short a window:
   * sample.
   */
  static final double MIN_STATE_WINDOW_SECONDS = 1;

  private final ProcFs fs;
  private final String procRoot;
  private final CpuStateFile state;
  private final Duration sample;
  private Scan lastScan;
  private String text;
  private volatile boolean sampling;

  /**
   * @param state where the previous sample is kept, or null to sample every run
   */
  CpuWindow(ProcFs fs, String procRoot, CpuStateFile state, Duration sample) {
    this.fs = fs;
    this.procRoot = procRoot;
    this.state = state;
    this.sample = sample;
  }

  /** Each process's use averaged over its whole life. */
  List<CpuUse> lifetime() {
    lastScan = fs.scan();
    text = "averaged over each process's life";
    return CpuMeter.measure(null, lastScan, ProcClock.uptime(fs), 0);
  }

  /**
   * Use over the window since the previous sample, or over a sample taken now; notes say what went
   * wrong.
   */
  List<CpuUse> measure(Deadline deadline, List<String> notes) throws InterruptedException {
    Optional<CpuSample> previous = state == null ? Optional.empty() : state.read(procRoot, notes);
    TimedScan now = scan();
    if (previous.isPresent()) {
      String impossible = previous.get().impossibleUse(now.scan);
      if (impossible != null) {
        notes.add(
            "note: state file "
                + state.path()
                + " is corrupt ("
                + impossible
                + "); sampled instead");
        previous = Optional.empty();
      }
    }
    List<CpuUse> uses;
    // A previous uptime above today's means the machine rebooted since: its (PID, start time) keys
    // mean nothing.
    if (previous.isPresent() && now.uptime - previous.get().uptime() >= MIN_STATE_WINDOW_SECONDS) {
      double window = now.uptime - previous.get().uptime();
      uses = CpuMeter.measure(previous.get(), now.scan, now.uptime, window);
      text = "over the last " + CpuReport.seconds(window) + " s";
    } else {
      if (!deadline.fits(sample, Duration.ofSeconds(1))) {
        throw new UsageException(
            "--sample "
                + CpuReport.seconds(sample.toMillis() / 1000.0)
                + " s must leave a "
                + "second of the --timeout ("
                + deadline.total().toSeconds()
                + " s)");
      }
      TimedScan before = now;
      sampling = true;
      try {
        deadline.sleep(sample);
      } finally {
        sampling = false;
      }
      now = scan();
      double window = (now.nanos - before.nanos) / 1e9;
      uses = CpuMeter.measure(before.sample(procRoot), now.scan, now.uptime, window);
      text = "over a " + CpuReport.seconds(window) + " s sample";
    }
    lastScan = now.scan;
    if (state != null) {
      String failure = state.write(now.sample(procRoot));
      if (failure != null) {
        notes.add(failure);
      }
    }
    return uses;
  }

  /**
   * A scan timed at its middle: reading a few hundred stat files takes milliseconds (tens on a cold
   * JVM), which would otherwise show as a few percent too much or too little in a short sample.
   */
  private TimedScan scan() {
    long startNanos = System.nanoTime();
    double startUptime = ProcClock.uptime(fs);
    Scan scan = fs.scan();
    double endUptime = ProcClock.uptime(fs);
    long endNanos = System.nanoTime();
    return new TimedScan(
        scan, startNanos + (endNanos - startNanos) / 2, (startUptime + endUptime) / 2);
  }

  private record TimedScan(Scan scan, long nanos, double uptime) {
    CpuSample sample(String procRoot) {
      return CpuSample.of(scan, procRoot, uptime);
    }
  }

  /**
   * "a 5 s CPU sample" while the window sleeps through its sample, else null: read from another
   * thread.
   */
  String pending() {
    return sampling ? "a " + Decimals.plain(sample.toMillis() / 1000.0) + " s CPU sample" : null;
  }

  /** The scan the figures end with (its processes are the ones reported). */
  Scan lastScan() {
    return lastScan;
  }

  /** How the window reads after a percentage: "over the last 300 s", "over a 5.0 s sample". */
  String text() {
    return text;
  }
}
