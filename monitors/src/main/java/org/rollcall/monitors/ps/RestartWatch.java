package org.rollcall.monitors.ps;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rollcall.core.cli.ProcRootOption;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.match.Rule;
import org.rollcall.core.match.RuleCount;
import org.rollcall.core.proc.MalformedProcFileException;
import org.rollcall.core.proc.ProcClock;
import org.rollcall.core.proc.ProcFs;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.proc.Scan;
import org.rollcall.core.result.Report;
import org.rollcall.monitors.ProcessKey;
import org.rollcall.monitors.StateFile;
import org.rollcall.monitors.ps.Restarts.Restart;

/**
 * ps.monitor's {@code --restarts}: reads what the rules matched at the previous run, judges which
 * daemons restarted since ({@link Restarts}), and records what they match now for the next run. A
 * first run, a state of another boot, a new rule or an unusable file records and says so in a note;
 * it never fails a rule.
 */
final class RestartWatch {
  static final StateFile.Owner OWNER =
      new StateFile.Owner(
          "ps.monitor",
          "ps.monitor --restarts state",
          "restarts not judged this run",
          "the next run will judge no restart");

  /**
   * How far btime may move within one boot: the kernel derives it from the wall clock, in whole
   * seconds, so two reads may differ by one.
   */
  static final long BOOT_TIME_SLACK_SECONDS = 1;

  /** The state file, or null when MON_STATEDIR is no directory (a note says so). */
  private final StateFile file;

  private final ProcFs fs;
  private final String procRoot;
  private final ZoneId zone;
  private final List<String> notes;

  /**
   * @param procRoot the proc tree's directory as saved state names it
   * @param notes notes so far, which the report ends with
   */
  RestartWatch(StateFile file, ProcFs fs, String procRoot, ZoneId zone, List<String> notes) {
    this.file = file;
    this.fs = fs;
    this.procRoot = procRoot;
    this.zone = zone;
    this.notes = notes;
  }

  /**
   * The watch for a run on {@code fs}, its state in {@code stateDir} (--state-dir), else in mon's
   * MON_STATEDIR, named per mon service ({@link StateFile#chosen}); one of them is needed.
   */
  static RestartWatch of(
      Path stateDir, Map<String, String> environment, ProcFs fs, ProcRootOption procRoot) {
    String fromMon = environment.get("MON_STATEDIR");
    if (stateDir == null && (fromMon == null || fromMon.isEmpty())) {
      throw new UsageException(
          "--restarts needs a state directory: --state-dir DIR, or MON_STATEDIR (mon sets it)");
    }
    List<String> notes = new ArrayList<>();
    StateFile file = StateFile.chosen(stateDir, environment, OWNER, notes);
    return new RestartWatch(file, fs, procRoot.rootText(), ZoneId.systemDefault(), notes);
  }

  /**
   * ps.monitor's report with each rule's restart; records this run for the next.
   *
   * @param first the counts of the first scan, {@code firstScan}
   * @param last the final counts: those of {@code first} that held, and the others counted again on
   *     {@code lastScan} after {@code --recheck} (without one, {@code first} and {@code firstScan})
   */
  Report report(List<RuleCount> first, Scan firstScan, List<RuleCount> last, Scan lastScan) {
    Report report =
        PsReport.of(
            last,
            file == null ? List.of() : judge(first, firstScan, last, lastScan),
            firstScan.incompletenessNote(),
            firstScan.malformedReason());
    for (String note : notes) {
      report.addNote(note);
    }
    return report;
  }

  /** Each rule's restart, or null where there is none, in the rules' order; records this run. */
  private List<Restart> judge(
      List<RuleCount> first, Scan firstScan, List<RuleCount> last, Scan lastScan) {
    List<Restart> none = new ArrayList<>();
    List<Rule> rules = new ArrayList<>();
    for (RuleCount count : last) {
      none.add(null);
      rules.add(count.rule());
    }
    RestartState now;
    try {
      now =
          new RestartState(
              procRoot,
              ProcClock.bootTime(fs),
              ProcClock.uptime(fs),
              matched(first, firstScan, last, lastScan));
    } catch (IllegalStateException | MalformedProcFileException e) {
      notes.add(
          "note: --restarts: cannot tell the boot time ("
              + e.getMessage()
              + "); restarts not judged, nothing recorded");
      return none;
    }
    RestartState previous = previous(now);
    List<Restart> restarts =
        previous == null
            ? none
            : new Restarts(previous, now, new WallClock(zone, now.runTime()))
                .judge(rules, new ScanLives(lastScan), lastScan.incompletenessNote(), notes);
    String failure = file.write(now.format());
    if (failure != null) {
      notes.add(failure);
    }
    return restarts;
  }

  /**
   * The previous run's state, when there is a usable one of this boot; else null, said in notes.
   */
  private RestartState previous(RestartState now) {
    int before = notes.size();
    String text = file.read(notes);
    if (text == null) {
      if (notes.size() == before) {
        notes.add(
            "note: --restarts: no previous run's state in "
                + file.path()
                + "; recorded for the next run");
      }
      return null;
    }
    RestartState previous;
    try {
      previous = RestartState.parse(text);
    } catch (IllegalArgumentException e) {
      notes.add(file.unusable(e.getMessage()));
      return null;
    }
    if (!previous.procRoot().equals(procRoot)) {
      notes.add(file.unusable("it was taken from " + previous.procRoot() + ", not " + procRoot));
      return null;
    }
    // Not the uptime: a concurrent run may have written a later one, and a reboot moves btime.
    if (Math.abs(now.bootTime() - previous.bootTime()) > BOOT_TIME_SLACK_SECONDS) {
      WallClock clock = new WallClock(zone, now.runTime());
      notes.add(
          "note: --restarts: the system booted (or its clock was set) since the previous run at "
              + clock.at(previous.runTime())
              + " (booted at "
              + clock.at(previous.bootTime())
              + " then, at "
              + clock.at(now.bootTime())
              + " now); recorded afresh");
      return null;
    }
    return previous;
  }

  /**
   * Each rule's matched processes by (PID, start time), read from the scan its count came from. A
   * rule given twice is recorded once: it matched the same.
   */
  private static Map<String, List<ProcessKey>> matched(
      List<RuleCount> first, Scan firstScan, List<RuleCount> last, Scan lastScan) {
    Map<String, List<ProcessKey>> rules = new LinkedHashMap<>();
    for (int i = 0; i < last.size(); i++) {
      RuleCount count = last.get(i);
      Scan scan = count == first.get(i) ? firstScan : lastScan;
      List<ProcessKey> keys = new ArrayList<>(count.matched().size());
      for (int pid : count.matched()) {
        Optional<ProcessEntry> process = scan.process(pid);
        if (process.isPresent()) {
          // Its stat was read to count it (zombies are not counted), so this reads nothing.
          keys.add(ProcessKey.of(process.get()));
        }
      }
      rules.putIfAbsent(count.rule().text(), keys);
    }
    return rules;
  }
}
