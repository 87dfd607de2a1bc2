package org.rollcall.monitors.cpu;

import org.rollcall.core.cli.UsageException;
import org.rollcall.core.result.Range;
import org.rollcall.core.result.Status;
import org.rollcall.core.text.Decimals;

/**
 * The percent-of-one-CPU thresholds: above {@code crit} is CRITICAL (and a failure to mon), above
 * {@code warn} WARNING (also a failure to mon, which knows no warnings).
 *
 * @param warn the warning threshold, or null for none
 */
record CpuLimits(Double warn, double crit) {

  static CpuLimits of(Double warn, double crit) {
    if (!(crit > 0)) {
      throw new UsageException(
          "--max/-c must be a percentage above 0, not " + Decimals.plain(crit));
    }
    if (warn != null && !(warn > 0 && warn < crit)) {
      throw new UsageException(
          "-w "
              + Decimals.plain(warn)
              + " must be above 0 and below --max/-c "
              + Decimals.plain(crit));
    }
    return new CpuLimits(warn, crit);
  }

  Status status(double percent) {
    if (percent > crit) {
      return Status.CRITICAL;
    }
    return warn != null && percent > warn ? Status.WARNING : Status.OK;
  }

  Range warnRange() {
    return warn == null ? null : Range.between(0, warn);
  }

  Range critRange() {
    return Range.between(0, crit);
  }
}
