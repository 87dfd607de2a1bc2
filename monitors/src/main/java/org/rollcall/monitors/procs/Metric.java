package org.rollcall.monitors.procs;

import org.rollcall.core.cli.UsageException;

/**
 * check_procs' {@code -m}: what {@code -w} and {@code -c} are compared with. PROCS compares the
 * number of processes the filters keep; the others each process's own value, with the ps.monitor
 * quantity that reads it.
 */
enum Metric {
  PROCS(null, ""),
  VSZ("vsz", " KiB"),
  RSS("rss", " KiB"),
  CPU("cpu", "% lifetime average"),
  ELAPSED("age", " s");

  /** The ps.monitor comparison's quantity ({@code rss} of {@code rss>5}), null for PROCS. */
  final String quantity;

  /** The unit -w and -c are written in, for detail lines. */
  final String unit;

  Metric(String quantity, String unit) {
    this.quantity = quantity;
    this.unit = unit;
  }

  /** The metric named exactly so, as check_procs spells it. */
  static Metric named(String text) {
    for (Metric metric : values()) {
      if (metric.name().equals(text)) {
        return metric;
      }
    }
    throw new UsageException("-m must be one of PROCS, VSZ, RSS, CPU, ELAPSED, not '" + text + "'");
  }
}
