package org.rollcall.monitors.discover;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * No-stray rules: where a daemon's name is also used by processes no daemon rule counts (sshd's
 * login sessions), a {@code 0-0} rule that any other process of that name breaks. Preferred: the
 * name on any binary but the daemon's ({@code sshd,!/usr/sbin/sshd}), which no process can fake;
 * when some of those processes run another binary now, the name outside the units where it runs now
 * ({@code sshd,!unit=ssh.service,!unit=session-*.scope}).
 */
final class StrayRules {
  private final Census census;

  StrayRules(Census census) {
    this.census = census;
  }

  List<Proposal> propose(List<Sighting> all, Collection<List<Sighting>> daemonGroups) {
    List<Proposal> proposals = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    for (List<Sighting> group : daemonGroups) {
      Sighting daemon = group.get(0);
      if (!done.add(daemon.name())) {
        continue;
      }
      List<Sighting> others = othersNamed(daemon.name(), all);
      if (!others.isEmpty()) {
        proposals.add(proposal(daemon, others));
      }
    }
    return proposals;
  }

  /** Processes named like the daemon that no daemon or worker rule counts. */
  private List<Sighting> othersNamed(String name, List<Sighting> all) {
    List<Sighting> others = new ArrayList<>();
    for (Sighting s : all) {
      if (name.equals(s.name()) && !census.roleOf(s).proposed()) {
        others.add(s);
      }
    }
    return others;
  }

  private Proposal proposal(Sighting daemon, List<Sighting> others) {
    String why =
        "no stray "
            + daemon.name()
            + ": "
            + others.size()
            + " more named so now, not daemons (pids "
            + Proposer.joined(pids(others))
            + ")";
    Proposal byUnit = byUnit(daemon, others, why);
    String byExe = new MatchText().name(daemon.name()).term("!" + escapedPath(daemon)).toString();
    return new Proposal(byExe, "0-0", why + ": every one runs " + daemon.exe(), byUnit);
  }

  /**
   * The name outside the daemon's unit and the units the others run in now; null without units, and
   * null when a user's session runs another binary under the name: any user can name a process so,
   * and excusing their sessions would excuse the impostor the rule is for.
   */
  private Proposal byUnit(Sighting daemon, List<Sighting> others, String why) {
    if (!daemon.inSystemService()) {
      return null;
    }
    Set<String> units = new LinkedHashSet<>();
    units.add(daemon.unit());
    for (Sighting s : others) {
      boolean impostor = census.roleOf(s) == Role.SESSION && !daemon.exe().equals(s.exe());
      if (s.unit() == null || impostor) {
        return null;
      }
      units.add(MatchText.unitGlob(s.unit()));
    }
    MatchText match = new MatchText().name(daemon.name());
    for (String unit : units) {
      match.term("!unit", unit);
    }
    return new Proposal(match.toString(), "0-0", why + ": outside the units they run in now");
  }

  private static String escapedPath(Sighting daemon) {
    return new MatchText().exe(daemon.exe()).toString();
  }

  private static List<Integer> pids(List<Sighting> sightings) {
    List<Integer> pids = new ArrayList<>();
    for (Sighting s : sightings) {
      pids.add(s.pid());
    }
    return pids;
  }
}
