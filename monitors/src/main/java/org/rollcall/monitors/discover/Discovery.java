package org.rollcall.monitors.discover;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rollcall.core.ids.UserDirectory;
import org.rollcall.core.match.MatchParser;
import org.rollcall.core.match.OwnProcesses;
import org.rollcall.core.proc.ProcFs;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.proc.ProcessGoneException;
import org.rollcall.core.proc.Scan;

/**
 * What one discovery found: the rules that hold now, those that were drawn but do not, what was
 * skipped and why, and the exclusion.monitor line.
 *
 * @param root the proc tree read
 * @param processes how many processes the scan read
 * @param rules the rules that hold now, each with why
 * @param refused rules drawn but not proposed, each with why
 * @param skipped how many processes of each role no rule is proposed for
 * @param notes what the scan could not see, and what that leaves out
 * @param exclusion the exclusion.monitor arguments that hold now
 */
record Discovery(
    String root,
    int processes,
    List<Proposal> rules,
    List<String> refused,
    Map<Role, Integer> skipped,
    List<String> notes,
    ExclusionLine exclusion) {

  /** Reads {@code fs} once and draws and checks the rules. */
  static Discovery of(ProcFs fs, UserDirectory users, double minAgeSeconds) {
    Scan scan = fs.scanWithCredentialsAndCgroups();
    Set<Integer> own = OwnProcesses.in(scan, fs);
    List<Sighting> sightings = new ArrayList<>();
    ExclusionLine.Builder exclusion = new ExclusionLine.Builder();
    int zombies = 0;
    for (ProcessEntry process : scan.processes()) {
      try {
        if (own.contains(process.pid())) {
          continue;
        }
        if (process.stat().isZombie()) {
          zombies++;
          continue;
        }
        Sighting seen = Sighting.of(process);
        sightings.add(seen);
        exclusion.add(process, seen);
      } catch (ProcessGoneException e) {
        // it exited while we read it: nothing to propose for it
      } finally {
        process.release();
      }
    }
    Census census = new Census(sightings, minAgeSeconds);
    Proposer proposer = new Proposer(users);
    List<Proposal> drawn = proposer.propose(sightings, census);
    List<String> refused = new ArrayList<>();
    List<Proposal> held = new Check(new MatchParser(users), scan, own).holding(drawn, refused);
    Map<Role, Integer> skipped = census.skipped();
    if (zombies > 0) {
      skipped.put(Role.ZOMBIE, zombies);
    }
    List<String> notes = notes(scan, sightings);
    notes.addAll(proposer.unwritable());
    return new Discovery(
        fs.root().toString(),
        scan.processes().size(),
        held,
        refused,
        skipped,
        notes,
        exclusion.build());
  }

  private static List<String> notes(Scan scan, List<Sighting> sightings) {
    List<String> notes = new ArrayList<>();
    if (scan.isIncomplete()) {
      notes.add(
          "this run could not see every process: "
              + scan.incompletenessNote()
              + "; a rule with a maximum cannot be checked and is not proposed: run as root");
    }
    boolean units = false;
    for (Sighting s : sightings) {
      units |= s.unit() != null;
    }
    if (!units) {
      notes.add("no process is in a systemd unit: daemons are init's children only, no unit=");
    }
    return notes;
  }
}
