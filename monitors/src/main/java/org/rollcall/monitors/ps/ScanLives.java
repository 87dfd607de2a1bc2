package org.rollcall.monitors.ps;

import java.util.Optional;
import org.rollcall.core.proc.MalformedProcFileException;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.proc.ProcessGoneException;
import org.rollcall.core.proc.Scan;
import org.rollcall.monitors.ProcessKey;
import org.rollcall.monitors.ps.Restarts.Life;
import org.rollcall.monitors.ps.Restarts.Lives;

/**
 * What became of a process of the previous run, by this run's last scan: gone when the scan has no
 * process of its PID and start time (or a zombie), unseen when it could not see every process.
 */
record ScanLives(Scan scan) implements Lives {
  @Override
  public Life of(ProcessKey key) {
    Optional<ProcessEntry> process = scan.process(key.pid());
    if (process.isEmpty()) {
      return scan.isIncomplete() ? Life.UNSEEN : Life.GONE;
    }
    try {
      boolean same = process.get().stat().starttime() == key.starttime();
      return same && !process.get().stat().isZombie() ? Life.RUNS : Life.GONE;
    } catch (ProcessGoneException e) {
      return Life.GONE;
    } catch (MalformedProcFileException e) {
      return Life.UNSEEN;
    }
  }
}
