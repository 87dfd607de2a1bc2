package org.rollcall.monitors.procs;

import java.util.ArrayList;
import java.util.List;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.result.Range;
import org.rollcall.core.result.Status;
import org.rollcall.core.text.Decimals;

/**
 * One of {@code -w} and {@code -c}: a Nagios range (check_procs' syntax, {@code @} included), or
 * none. For a metric other than PROCS it also writes the MATCHes that count the processes whose
 * value it alerts on, so the rule counter measures them as it counts.
 */
final class Threshold {
  static final Threshold NONE = new Threshold(null, null, null);

  final String option;
  final String text;
  final Range range;

  private Threshold(String option, String text, Range range) {
    this.option = option;
    this.text = text;
    this.range = range;
  }

  /** {@code text} given to {@code option} ("-w"), or {@link #NONE} for null. */
  static Threshold parse(String option, String text) {
    if (text == null) {
      return NONE;
    }
    try {
      return new Threshold(option, text, Range.parseNagios(text));
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + " " + e.getMessage());
    }
  }

  boolean isSet() {
    return range != null;
  }

  /**
   * {@code alert} when every count from {@code low} to {@code high} alerts, OK when none does,
   * UNKNOWN when some do.
   */
  Status statusOf(double low, double high, Status alert) {
    if (range == null || range.acceptsAll(low, high)) {
      return Status.OK;
    }
    return range.alertsAll(low, high) ? alert : Status.UNKNOWN;
  }

  /**
   * MATCHes, each {@code base} and a comparison on {@code quantity}, that together count the
   * processes whose value this range alerts on, each once: below its start and above its end, or
   * between both when inverted. A bound no value of 0 or more can pass is left out.
   */
  List<String> alertingMatches(String base, String quantity) {
    List<String> matches = new ArrayList<>();
    if (range == null) {
      return matches;
    }
    double start = range.start();
    double end = range.end();
    if (range.inverted()) {
      if (end >= 0) {
        StringBuilder inside = new StringBuilder(base);
        if (start > 0) {
          inside.append(",!").append(quantity).append('<').append(Decimals.plain(start));
        }
        if (end != Double.POSITIVE_INFINITY) {
          inside.append(",!").append(quantity).append('>').append(Decimals.plain(end));
        }
        matches.add(inside.toString());
      }
      return matches;
    }
    if (start > 0) {
      matches.add(base + "," + quantity + "<" + Decimals.plain(start));
    }
    if (end < 0) {
      matches.add(base);
    } else if (end != Double.POSITIVE_INFINITY) {
      matches.add(base + "," + quantity + ">" + Decimals.plain(end));
    }
    return matches;
  }

  /**
   * {@code -c 1: wants at least 1}, {@code -w 5000 wants rss at most 5000 KiB}: {@code what} is the
   * quantity with a space, or empty for a count.
   */
  String describe(String what, String unit) {
    return option + " " + text + " wants " + what + range.describe() + unit;
  }
}
