package org.rollcall.monitors.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.rollcall.core.result.Finding;
import org.rollcall.core.result.Perfdata;
import org.rollcall.core.result.Range;
import org.rollcall.core.result.Report;
import org.rollcall.core.result.Status;
import org.rollcall.core.text.Decimals;

/**
 * Turns host results into a report: one finding per host (its name is the token on mon's summary
 * line), the response-time thresholds applied to hosts that answered, and a {@code time} perfdata
 * value per host: {@code time} alone, as check_tcp's, for one host, {@code time_HOST} for several.
 */
public final class HostReport {
  private HostReport() {}

  /**
   * The response-time thresholds and the longest time a host can take.
   *
   * @param warn response time (seconds) that makes an answering host WARNING, or null
   * @param crit response time (seconds) that makes an answering host CRITICAL, or null
   * @param timeout the run's whole deadline: perfdata's maximum, as check_tcp gives its timeout
   */
  public record Thresholds(Range warn, Range crit, Duration timeout) {}

  public static Report of(String service, List<HostResult> results, Thresholds limits) {
    Range warn = limits.warn();
    Range crit = limits.crit();
    double max = limits.timeout().toMillis() / 1000.0;
    Report report = new Report(service);
    StringJoiner answered = new StringJoiner(", ");
    for (HostResult result : results) {
      double seconds = result.time().toNanos() / 1e9;
      report.add(finding(result, seconds, warn, crit));
      String label = results.size() == 1 ? "time" : "time_" + result.host();
      report.addPerfdata(
          new Perfdata(label, Math.round(seconds * 1e6) / 1e6, "s", warn, crit, 0.0, max));
      answered.add(result.host() + ": " + result.answer() + " (" + seconds(seconds) + ")");
    }
    String prefix = results.size() == 1 ? "" : results.size() + " hosts answer: ";
    return report.okSummary(prefix + answered);
  }

  private static Finding finding(HostResult result, double seconds, Range warn, Range crit) {
    if (result.status() != Status.OK) {
      return new Finding(result.status(), result.host(), result.details());
    }
    List<String> details = new ArrayList<>();
    Status status = Status.OK;
    if (crit != null && crit.alerts(seconds)) {
      status = Status.CRITICAL;
      details.add(slow(result, seconds, "-c", crit));
    } else if (warn != null && warn.alerts(seconds)) {
      status = Status.WARNING;
      details.add(slow(result, seconds, "-w", warn));
    }
    return new Finding(status, result.host(), details);
  }

  private static String slow(HostResult result, double seconds, String option, Range range) {
    return result.host()
        + ": "
        + result.answer()
        + " after "
        + seconds(seconds)
        + ", outside "
        + option
        + " "
        + range.toNagios()
        + " ("
        + range.describe()
        + " s)";
  }

  /** Seconds to the millisecond, as a person reads a response time. */
  static String seconds(double seconds) {
    return Decimals.fixed(seconds, 3) + " s";
  }
}
