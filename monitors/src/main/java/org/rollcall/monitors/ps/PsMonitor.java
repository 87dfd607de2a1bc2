package org.rollcall.monitors.ps;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.cli.Launchable;
import org.rollcall.core.cli.MonitorOptions;
import org.rollcall.core.cli.PlainArguments;
import org.rollcall.core.cli.ProcRootOption;
import org.rollcall.core.cli.RunSettings;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.ids.UserDirectory;
import org.rollcall.core.match.MatchParser;
import org.rollcall.core.match.OwnProcesses;
import org.rollcall.core.match.Rule;
import org.rollcall.core.match.RuleCount;
import org.rollcall.core.match.RuleCounter;
import org.rollcall.core.match.RuleParser;
import org.rollcall.core.proc.ProcFs;
import org.rollcall.core.proc.Scan;
import org.rollcall.core.text.Decimals;
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
    header = "Count processes by rule; fail when a count is out of range",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Counts the processes each RULE matches and fails when a count is out of its range.",
      "RULE is MATCH:[MIN]-[MAX], the range after the last colon: 1- at least one, -5 at most"
          + " five, 1-1 exactly one, 2-4 two to four, 0-0 none may run.",
      "MATCH is one or more terms joined by ',' that must all hold; !TERM negates a term; write"
          + " \\, for a comma inside a value. The terms: NAME, /ABSOLUTE/PATH, *, name=, user=,"
          + " group=, context=, args=, ppid=, state=, unit=, cgroup=, kthread=, and the"
          + " comparisons rss> rss< vsz> vsz< threads> threads< fds> fds< age> age< cpu> cpu<."
          + " What each compares with and what it trusts: man rollcall-rules.",
      "Example: ps.monitor sshd:1- cron:1-5 'sshd,!user=root:0-0'"
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

  @Option(
      names = "--restarts",
      description =
          "Also fail a rule whose processes of the previous run are all gone while it matches "
              + "processes now: its daemon restarted (state in --state-dir or $MON_STATEDIR).")
  boolean restarts;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "Keep --restarts' state here (default: $MON_STATEDIR, which mon sets).")
  Path stateDir;

  /** MON_STATEDIR, MON_GROUP and MON_SERVICE; read only with --restarts (tests set their own). */
  Map<String, String> environment;

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
  public void takePlain(PlainArguments given) {
    options.takePlain(given);
    ruleTexts.addAll(given.words());
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
      return PsExplain.print(fs, explainPid, rules, users, out);
    }
    if (stateDir != null && !restarts) {
      throw new UsageException("--state-dir keeps the state of --restarts: give --restarts too");
    }
    if (rules.isEmpty()) {
      throw new UsageException("no RULE given, e.g. ps.monitor sshd:1-");
    }
    Duration recheck = Recheck.delay(recheckSeconds, deadline);
    RestartWatch watch =
        restarts
            ? RestartWatch.of(
                stateDir, environment != null ? environment : System.getenv(), fs, procRoot)
            : null;
    Scan scan = RuleCounter.scanFor(fs, rules);
    List<RuleCount> first = RuleCounter.count(rules, scan, OwnProcesses.of(scan, fs));
    List<RuleCount> counts = first;
    Scan last = scan;
    if (recheck != null && Recheck.anyFailed(counts)) {
      waitingFor =
          "the --recheck of the failing rules, "
              + Decimals.plain(recheckSeconds)
              + " s after the first look";
      deadline.sleep(recheck);
      waitingFor = null;
      List<Rule> failed = Recheck.failedRules(first);
      last = RuleCounter.scanFor(fs, failed);
      counts = Recheck.recount(first, failed, last, fs);
    }
    return options
        .mode()
        .render(
            watch != null
                ? watch.report(first, scan, counts, last)
                : PsReport.of(counts, scan.incompletenessNote(), scan.malformedReason()),
            out);
  }
}
