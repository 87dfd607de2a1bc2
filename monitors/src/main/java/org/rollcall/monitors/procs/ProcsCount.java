package org.rollcall.monitors.procs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.match.MatchParser;
import org.rollcall.core.match.OwnProcesses;
import org.rollcall.core.match.Rule;
import org.rollcall.core.match.RuleCount;
import org.rollcall.core.match.RuleCounter;
import org.rollcall.core.proc.ProcFs;
import org.rollcall.core.proc.Scan;
import org.rollcall.core.result.Range;

/**
 * What one scan found for check_procs' options: the processes the filters keep and, for a metric
 * other than PROCS, those whose value the critical range alerts on and those only the warning range
 * does. All are counted in one pass, so a process is judged on one reading.
 */
final class ProcsCount {
  final RuleCount kept;
  final List<Integer> critical;
  final List<Integer> warning;
  final Map<Integer, String> measures;

  /** Why some process could not be judged by a threshold's MATCH, or null. */
  final String thresholdUndecided;

  final String scanNote;
  final String malformedReason;

  /** The MATCHes counted, the filters' first (for -vv). */
  final List<String> matches;

  private ProcsCount(
      RuleCount kept,
      List<Integer> critical,
      List<Integer> warning,
      Map<Integer, String> measures,
      String thresholdUndecided,
      Scan scan,
      List<String> matches) {
    this.kept = kept;
    this.critical = critical;
    this.warning = warning;
    this.measures = measures;
    this.thresholdUndecided = thresholdUndecided;
    this.scanNote = scan.incompletenessNote();
    this.malformedReason = scan.malformedReason();
    this.matches = matches;
  }

  /** Counts {@code base} on {@code fs}, and the processes beyond each threshold for a metric. */
  static ProcsCount of(
      ProcFs fs, MatchParser parser, String base, Metric metric, Threshold warn, Threshold crit) {
    List<String> critMatches = List.of();
    List<String> warnMatches = List.of();
    if (metric != Metric.PROCS) {
      critMatches = crit.alertingMatches(base, metric.quantity);
      warnMatches = warn.alertingMatches(base, metric.quantity);
    }
    List<String> matches = new ArrayList<>();
    matches.add(base);
    matches.addAll(critMatches);
    matches.addAll(warnMatches);
    List<Rule> rules = new ArrayList<>();
    for (String match : matches) {
      rules.add(rule(parser, match));
    }
    Scan scan = RuleCounter.scanFor(fs, rules);
    List<RuleCount> counts = RuleCounter.count(rules, scan, OwnProcesses.of(scan, fs));
    Map<Integer, String> measures = new HashMap<>();
    String undecided = null;
    TreeSet<Integer> critical = new TreeSet<>();
    TreeSet<Integer> warning = new TreeSet<>();
    for (int i = 1; i < counts.size(); i++) {
      RuleCount count = counts.get(i);
      (i <= critMatches.size() ? critical : warning).addAll(count.matched());
      measures.putAll(count.measures());
      if (undecided == null && !count.undecided().isEmpty()) {
        undecided = count.undecidedReason();
      }
    }
    warning.removeAll(critical);
    return new ProcsCount(
        counts.get(0),
        new ArrayList<>(critical),
        new ArrayList<>(warning),
        measures,
        undecided,
        scan,
        matches);
  }

  /** A rule that accepts any count: only its matched processes are wanted. */
  private static Rule rule(MatchParser parser, String match) {
    try {
      return new Rule(match, parser.parse(match), Range.between(0, Double.POSITIVE_INFINITY));
    } catch (UsageException e) {
      throw new UsageException(
          e.getMessage() + " (the options read as ps.monitor's '" + match + "')");
    }
  }

  /** Whether every process could be judged (none unreadable, none hidden). */
  boolean isExact() {
    return kept.isExact() && thresholdUndecided == null;
  }

  /** Why not every process could be judged, for the UNKNOWN line. */
  String undecidedReason() {
    if (kept.undecidedReason() != null) {
      return kept.undecidedReason();
    }
    if (thresholdUndecided != null) {
      return thresholdUndecided;
    }
    return malformedReason != null
        ? malformedReason
        : scanNote != null ? scanNote : "processes not visible";
  }
}
