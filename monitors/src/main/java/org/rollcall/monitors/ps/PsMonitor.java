package org.rollcall.monitors.ps;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.cli.Launchable;
import org.rollcall.core.cli.MonitorOptions;
import org.rollcall.core.cli.ProcRootOption;
import org.rollcall.core.cli.RunSettings;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.ids.UserDirectory;
import org.rollcall.core.match.MatchParser;
import org.rollcall.core.match.OwnProcesses;
import org.rollcall.core.match.ProcessDescription;
import org.rollcall.core.match.Rule;
import org.rollcall.core.match.RuleCount;
import org.rollcall.core.match.RuleCounter;
import org.rollcall.core.match.RuleParser;
import org.rollcall.core.proc.ProcClock;
import org.rollcall.core.proc.ProcFs;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.proc.Scan;
import org.rollcall.core.result.Status;
import org.rollcall.core.text.Decimals;
import org.rollcall.core.text.SafeText;
import org.rollcall.monitors.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * ps.monitor: are the right processes running, as many as should, as the right user, domain and
 * binary?
 */
@Command(
    name = "ps.monitor",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Counts the processes each RULE matches and fails when a count is out of its range.",
      "RULE is MATCH:[MIN]-[MAX] (the range after the last colon): 1- at least one, -5 at most five,",
      "1-1 exactly one, 0-0 none. MATCH is terms joined by ',' that must all hold, each negated by '!':",
      "NAME (process name; a script's name for interpreters), /ABSOLUTE/PATH (the executable),",
      "user=NAME|UID, group=NAME|GID (effective IDs), context=TYPE|FULL:LABEL (SELinux; * globs),",
      "args=REGEX (searched in the command line), ppid=N, name=NAME, state=LETTERS (R S D Z T...),",
      "unit=GLOB (systemd unit), cgroup=GLOB, * (every process, zombies included), and comparisons",
      "rss>SIZE vsz>SIZE (KiB, or K M G T), threads>N fds>N age>DURATION (s m h d) cpu>PERCENT",
      "(lifetime average), each also with <. Write \\, for a comma in a value.",
      "Example: ps.monitor sshd:1- cron:1-5 /usr/lib/postfix/sbin/master:1-1 'sshd,!user=root:0-0'"
    })
public final class PsMonitor implements Launchable {
  @Mixin MonitorOptions options = new MonitorOptions();

  @Parameters(paramLabel = "RULE", description = "MATCH:[MIN]-[MAX], see above.")
  List<String> ruleTexts = new ArrayList<>();

  @Option(
      names = "--recheck",
      paramLabel = "SECONDS",
      description =
          "When a rule fails, scan again after this delay and report only rules that still fail "
              + "(rides out a daemon's restart).")
  Double recheckSeconds;

  /** What the run waits for now, for a signal's line (see {@link #pending}). */
  private volatile String waitingFor;

  @Option(
      names = {"--explain", "-x"},
      paramLabel = "PID",
      description =
          "Show what ps.monitor sees for PID (name, exe, args, IDs, label, memory, threads, fds, "
              + "age, cgroup) and which RULEs match it.")
  Integer explainPid;

  @Mixin ProcRootOption procRoot = new ProcRootOption();

  private final UserDirectory users;

  public PsMonitor() {
    this(UserDirectory.system());
  }

  /** With a fixed user directory, so tests do not depend on this machine's users. */
  PsMonitor(UserDirectory users) {
    this.users = users;
  }

  /**
   * With a fixed user directory and a default proc tree, so tests (and an embedding) can run plain
   * arguments on a fixture.
   */
  public PsMonitor(UserDirectory users, ProcRootOption procRoot) {
    this.users = users;
    this.procRoot = procRoot;
  }

  /** Rules alone, and --nagios at most once (its registry entry: {@code plain=words}). */
  @Override
  public void takePlain(List<String> rules, boolean nagios) {
    options.takePlain(nagios);
    ruleTexts.addAll(rules);
  }

  @Override
  public String service() {
    return "PS";
  }

  @Override
  public String pending() {
    return waitingFor;
  }

  @Override
  public RunSettings settings() {
    return options.settings();
  }

  @Override
  public int run(Deadline deadline, PrintWriter out) throws InterruptedException {
    ProcFs fs = procRoot.fs();
    RuleParser parser = new RuleParser(new MatchParser(users, deadline));
    List<Rule> rules = new ArrayList<>();
    for (String text : ruleTexts) {
      rules.add(parser.parse(text));
    }
    if (explainPid != null) {
      return explain(fs, rules, out);
    }
    if (rules.isEmpty()) {
      throw new UsageException("no RULE given, e.g. ps.monitor sshd:1-");
    }
    Duration recheck = recheckDelay(deadline);
    Scan scan = RuleCounter.scanFor(fs, rules);
    List<RuleCount> counts = RuleCounter.count(rules, scan, OwnProcesses.of(scan, fs));
    if (recheck != null && anyFailed(counts)) {
      waitingFor =
          "the --recheck of the failing rules, "
              + Decimals.plain(recheckSeconds)
              + " s after the first look";
      deadline.sleep(recheck);
      waitingFor = null;
      counts = recount(counts, fs);
    }
    return options
        .mode()
        .render(PsReport.of(counts, scan.incompletenessNote(), scan.malformedReason()), out);
  }

  private static boolean anyFailed(List<RuleCount> counts) {
    for (RuleCount count : counts) {
      if (count.status() != Status.OK) {
        return true;
      }
    }
    return false;
  }

  /** Counts again the rules that failed, keeping the ones that held. */
  private static List<RuleCount> recount(List<RuleCount> first, ProcFs fs) {
    List<Rule> failed =
        first.stream().filter(c -> c.status() != Status.OK).map(RuleCount::rule).toList();
    Scan scan = RuleCounter.scanFor(fs, failed);
    List<RuleCount> again = RuleCounter.count(failed, scan, OwnProcesses.of(scan, fs));
    List<RuleCount> merged = new ArrayList<>();
    int next = 0;
    for (RuleCount count : first) {
      merged.add(count.status() == Status.OK ? count : again.get(next++));
    }
    return merged;
  }

  private Duration recheckDelay(Deadline deadline) {
    if (recheckSeconds == null) {
      return null;
    }
    Duration delay = Duration.ofMillis((long) (recheckSeconds * 1000));
    if (recheckSeconds < 0 || !deadline.fits(delay, Duration.ofSeconds(1))) {
      throw new UsageException(
          "--recheck "
              + Decimals.plain(recheckSeconds)
              + " s must be at least 0 and leave a "
              + "second of the --timeout ("
              + Decimals.plain(deadline.total().toMillis() / 1000.0)
              + " s)");
    }
    return delay;
  }

  private int explain(ProcFs fs, List<Rule> rules, PrintWriter out) {
    Optional<ProcessEntry> found = fs.process(explainPid);
    if (found.isEmpty()) {
      String hidden = fs.hiddenProcessesNote();
      throw new UsageException(
          "no process "
              + explainPid
              + " in "
              + fs.root()
              + (hidden == null ? "" : " (" + hidden + ")"));
    }
    ProcessEntry process = found.get();
    List<String> lines =
        new ArrayList<>(ProcessDescription.lines(process, users, ProcClock.bootTime(fs)));
    for (Rule rule : rules) {
      lines.add("rule " + rule.text() + ": " + rule.match().test(process));
      rule.match().explain(process).forEach(term -> lines.add("  " + term));
    }
    lines.forEach(line -> out.print(SafeText.escape(line) + "\n"));
    return 0;
  }
}
