package org.rollcall.core.match;

import org.rollcall.core.cli.Deadline;
import org.rollcall.core.text.Decimals;

/**
 * How long one {@code args=} regular expression may search one command line: a tenth of the run's
 * timeout, and never into the last tenth, which is kept for the report. A pathological pattern then
 * leaves its rule undecided with the reason instead of holding the run until the launcher's
 * watchdog ends it with no report at all.
 */
final class RegexBudget {
  /** No limit: for callers without a deadline. */
  static final RegexBudget NONE = new RegexBudget(null);

  private final Deadline deadline;

  RegexBudget(Deadline deadline) {
    this.deadline = deadline;
  }

  boolean limited() {
    return deadline != null;
  }

  /**
   * The moment, in {@link System#nanoTime} terms, the next evaluation must end by; at or before now
   * if none.
   */
  long endNanos() {
    long tenth = deadline.total().toNanos() / 10;
    long usable = deadline.remaining().toNanos() - tenth;
    return System.nanoTime() + Math.max(0, Math.min(tenth, usable));
  }

  /**
   * Why a search that was given {@code budgetNanos} and ran out of time is undecided, with the
   * figures.
   */
  String reason(long budgetNanos) {
    return "args= regex did not finish within "
        + Decimals.plain(Math.round(budgetNanos / 1e6) / 1000.0)
        + " s (its share of the "
        + Decimals.plain(deadline.total().toMillis() / 1000.0)
        + " s timeout)";
  }
}
