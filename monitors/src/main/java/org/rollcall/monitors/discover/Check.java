package org.rollcall.monitors.discover;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.rollcall.core.match.MatchParser;
import org.rollcall.core.match.Rule;
import org.rollcall.core.match.RuleCount;
import org.rollcall.core.match.RuleCounter;
import org.rollcall.core.match.RuleParser;
import org.rollcall.core.proc.Scan;
import org.rollcall.core.result.Status;
import org.rollcall.monitors.PidList;

/**
 * Runs the proposed rules as ps.monitor would, on the scan they were drawn from: a rule that does
 * not hold now (its count moved while it was read, or a field it needs is unreadable) is not
 * proposed but said, and its looser fallback, if any, is checked in its place.
 */
final class Check {
  private final RuleParser parser;
  private final Scan scan;
  private final Set<Integer> own;

  Check(MatchParser matches, Scan scan, Set<Integer> own) {
    this.parser = new RuleParser(matches);
    this.scan = scan;
    this.own = own;
  }

  /** What holds; each rule that does not hold goes to {@code refused} with the reason. */
  List<Proposal> holding(List<Proposal> proposals, List<String> refused) {
    List<Proposal> held = new ArrayList<>();
    List<Proposal> pending = proposals;
    while (!pending.isEmpty()) {
      List<Rule> rules = new ArrayList<>();
      for (Proposal proposal : pending) {
        rules.add(parser.parse(proposal.rule()));
      }
      List<RuleCount> counts = RuleCounter.count(rules, scan, own);
      List<Proposal> retry = new ArrayList<>();
      for (int i = 0; i < pending.size(); i++) {
        Proposal proposal = pending.get(i);
        if (counts.get(i).status() == Status.OK) {
          held.add(proposal);
        } else {
          refused.add(proposal.rule() + ": " + reason(counts.get(i)));
          if (proposal.fallback() != null) {
            retry.add(proposal.fallback());
          }
        }
      }
      pending = retry;
    }
    return held;
  }

  private static String reason(RuleCount count) {
    if (count.status() == Status.UNKNOWN) {
      return "cannot be decided now ("
          + (count.undecidedReason() != null ? count.undecidedReason() : "processes not visible")
          + ")";
    }
    return count.low() + " matching now" + PidList.of(count.matched());
  }
}
