package org.rollcall.monitors.cpu;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.rollcall.core.match.ProcessMatch;
import org.rollcall.core.proc.ProcFs;
import org.rollcall.core.proc.ProcessGoneException;
import org.rollcall.monitors.StateFile;
import org.rollcall.monitors.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * cpu.monitor: which process is eating a CPU, which the load average cannot tell on a many-core
 * box.
 */
@Command(
    name = "cpu.monitor",
    header = "Fail when a process uses too much of one CPU",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Fails when a process used more than --max percent of one CPU: since the previous run when a"
          + " state directory is given (MON_STATEDIR or --state-dir), else over a --sample, or over"
          + " its whole life with --lifetime. Regular users (UID_MIN..UID_MAX of /etc/login.defs)"
          + " and cpu.monitor itself are exempt.",
      "",
      "Example: cpu.monitor --max 80 --exempt boinc --exempt '/bin/gzip' --top 3"
    })
public final class CpuMonitor implements Launchable {
  // Each default is written once: the annotation shows it, and the field starts with it for plain
  // runs, which picocli does not parse (a double's initial value alone would show as "90.0").
  private static final String DEFAULT_MAX = "90";
  private static final String DEFAULT_SAMPLE = "5";

  @Mixin MonitorOptions options = new MonitorOptions();

  @Option(
      names = {"--max", "-c"},
      paramLabel = "PERCENT",
      defaultValue = DEFAULT_MAX,
      description =
          "Fail (CRITICAL) when a process used more than PERCENT of one CPU (default ${DEFAULT-VALUE}).")
  double max = Double.parseDouble(DEFAULT_MAX);

  @Option(
      names = {"-w", "--warning"},
      paramLabel = "PERCENT",
      description =
          "WARNING when a process used more than PERCENT, which must be below --max; under mon"
              + " a warning fails like a critical.")
  Double warn;

  @Option(
      names = "--sample",
      paramLabel = "SECONDS",
      defaultValue = DEFAULT_SAMPLE,
      description =
          "Without a usable previous sample, measure over this many seconds (default"
              + " ${DEFAULT-VALUE}); it must leave a second of the --timeout.")
  double sampleSeconds = Double.parseDouble(DEFAULT_SAMPLE);

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "Keep each run's sample in DIR and measure since the previous run (default:"
              + " $MON_STATEDIR when mon sets it).")
  Path stateDir;

  @Option(
      names = "--lifetime",
      description = "Average over each process's whole life instead, as check_procs does.")
  boolean lifetime;

  @Option(
      names = "--exempt",
      paramLabel = "MATCH",
      description =
          "Do not judge the processes MATCH certainly matches (see rollcall-rules(5)); exempt by"
              + " path: a name is what the process calls itself. Repeatable.")
  List<String> exemptTexts = new ArrayList<>();

  @Option(
      names = "--include-users",
      description = "Judge regular users' processes too (UID_MIN..UID_MAX).")
  boolean includeUsers;

  @Option(
      names = "--top",
      paramLabel = "N",
      description =
          "List the N busiest processes after the detail lines, whatever their use, and give"
              + " perfdata for the N busiest names (default: no list, 5 names).")
  int top;

  @Mixin ProcRootOption procRoot;

  Map<String, String> environment = System.getenv();
  Path loginDefs = Path.of("/etc/login.defs");
  private final UserDirectory users;

  public CpuMonitor() {
    this(UserDirectory.system(), new ProcRootOption());
  }

  /**
   * With a fixed user directory and a default proc tree, so tests (and an embedding) can run plain
   * arguments on a fixture.
   */
  public CpuMonitor(UserDirectory users, ProcRootOption procRoot) {
    this.users = users;
    this.procRoot = procRoot;
  }

  /** The window being measured, for {@link #pending()}. */
  private volatile CpuWindow window;

  @Override
  public String service() {
    return "CPU";
  }

  /** No arguments, or --nagios alone (its registry entry: {@code plain=no-words}). */
  @Override
  public void takePlain(PlainArguments given) {
    options.takePlain(given);
  }

  @Override
  public RunSettings settings() {
    return options.settings();
  }

  @Override
  public int run(Deadline deadline, PrintWriter out) throws InterruptedException {
    CpuLimits limits = CpuLimits.of(warn, max);
    if (top < 0 || !(sampleSeconds > 0)) {
      throw new UsageException("--top must be 0 or more and --sample above 0");
    }
    MatchParser parser = new MatchParser(users, deadline);
    List<ProcessMatch> exempt = new ArrayList<>();
    for (String text : exemptTexts) {
      exempt.add(parser.parse(text));
    }
    ProcFs fs = procRoot.fs();
    List<String> notes = new ArrayList<>();
    CpuWindow window =
        new CpuWindow(
            fs,
            procRoot.rootText(),
            lifetime ? null : stateFile(notes),
            Duration.ofMillis((long) (sampleSeconds * 1000)));
    this.window = window;
    List<CpuUse> uses = lifetime ? window.lifetime() : window.measure(deadline, notes);
    Set<Integer> own = OwnProcesses.in(window.lastScan(), fs);
    RegularUsers regular = includeUsers ? null : RegularUsers.fromLoginDefs(loginDefs);
    List<CpuUse> judged = new ArrayList<>();
    int exempted = 0;
    for (CpuUse use : uses) {
      try {
        if (own.contains(use.process().pid())
            || CpuExemption.exempt(use.process(), regular, exempt)) {
          exempted++;
        } else {
          judged.add(use);
        }
      } catch (ProcessGoneException e) {
        // it exited after the last scan: it eats nothing now
      } finally {
        // Only the few shown are read again (the busiest and those over the limit, which the CPUs
        // bound).
        use.process().release();
      }
    }
    judged.sort(new BusiestFirst());
    CpuReport report = new CpuReport(limits, users, window.text());
    return options
        .mode()
        .render(
            report.of(
                CpuExemption.readShown(judged, limits, top),
                exempted,
                top,
                notes,
                window.lastScan().incompletenessNote()),
            out);
  }

  @Override
  public String pending() {
    CpuWindow measuring = window;
    return measuring == null ? null : measuring.pending();
  }

  /** The highest share first. */
  private static final class BusiestFirst implements Comparator<CpuUse> {
    @Override
    public int compare(CpuUse a, CpuUse b) {
      return Double.compare(b.percent(), a.percent());
    }
  }

  /** --state-dir, else mon's MON_STATEDIR, else none (then every run samples). */
  private CpuStateFile stateFile(List<String> notes) {
    StateFile file = StateFile.chosen(stateDir, environment, CpuStateFile.OWNER, notes);
    return file == null ? null : new CpuStateFile(file);
  }
}
