package org.rollcall.monitors.nagios;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.cli.Launchable;
import org.rollcall.core.cli.MonitorOptions;
import org.rollcall.core.cli.RunSettings;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.process.ChildProcess;
import org.rollcall.core.result.OutputMode;
import org.rollcall.core.result.Renderer;
import org.rollcall.core.text.Decimals;
import org.rollcall.core.text.SafeText;
import org.rollcall.monitors.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * nagios.monitor: runs any Nagios plugin under a deadline and speaks mon's contract, so mon can use
 * the Nagios plugins a host already has. Its exit code is the plugin's (WARNING passes unless
 * {@code --warning-fails}), so {@code alert exit=2} in mon.cf routes criticals and {@code exit=3}
 * unknowns.
 */
@Command(
    name = "nagios.monitor",
    header = "Run a Nagios plugin for mon, under a deadline",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Runs a Nagios plugin under a deadline and reports it in mon's contract.",
      "",
      "The summary is the plugin's text before '|'; the details are its long output, its"
          + " perfdata and anything it wrote on stderr. Exits 0 for OK and WARNING (unless"
          + " --warning-fails), otherwise with the plugin's own code: 2 CRITICAL, 3 UNKNOWN, 1"
          + " WARNING. A plugin that outlives the deadline is killed and reported as UNKNOWN (exit"
          + " 3). --nagios is refused: run the plugin itself under Nagios.",
      "",
      "Example: nagios.monitor -- /usr/lib/nagios/plugins/check_disk -w 10%% -c 5%% -p /"
    })
public final class NagiosMonitor implements Launchable {
  private static final Pattern EXEC_ERROR =
      Pattern.compile("error[=:] ?\\d+,? \\(?([^()]*?)\\)?\\s*$");

  /**
   * Output beyond this is cut: a plugin gone wrong must not fill mon's memory (Nagios 4 keeps 8
   * KiB).
   */
  static final int MAX_OUTPUT_BYTES = 65_536;

  /**
   * Time kept back from the deadline to kill the plugin and report before the launcher's watchdog
   * fires.
   */
  private static final Duration KILL_MARGIN = Duration.ofMillis(500);

  @Mixin MonitorOptions options = new MonitorOptions();

  /** The plugin while it runs, for a signal's line and to kill it then. */
  private volatile ChildProcess running;

  @Option(
      names = "--warning-fails",
      description = "Count the plugin's WARNING (exit 1) as a failure too.")
  boolean warningFails;

  @Parameters(
      paramLabel = "PLUGIN",
      arity = "1..*",
      description = "The plugin and its arguments, after '--' so its options are not read as ours.")
  List<String> plugin = new ArrayList<>();

  @Override
  public String service() {
    return "NAGIOS";
  }

  @Override
  public RunSettings settings() {
    if (options.mode() != OutputMode.MON) {
      throw new UsageException("--nagios makes no sense here: run the plugin itself under Nagios");
    }
    return options.settings();
  }

  @Override
  public int run(Deadline deadline, PrintWriter out) throws InterruptedException {
    PluginRun run = start(deadline);
    return PluginReport.render(plugin.get(0), run, warningFails, out);
  }

  private PluginRun start(Deadline deadline) throws InterruptedException {
    try (ChildProcess started = startPlugin()) {
      return await(started, deadline);
    } finally {
      running = null;
    }
  }

  private ChildProcess startPlugin() {
    try {
      ChildProcess started =
          ChildProcess.start(
              plugin,
              new ChildProcess.Settings(
                  ChildProcess.Leftovers.GROUP, null, false, MAX_OUTPUT_BYTES, null));
      running = started;
      return started;
    } catch (IOException e) {
      throw new UsageException(
          "cannot run "
              + plugin.get(0)
              + " under perl (which gives it a process group of its "
              + "own): "
              + reason(e));
    }
  }

  private PluginRun await(ChildProcess started, Deadline deadline) throws InterruptedException {
    ChildProcess.Ending ending = started.await(deadline, KILL_MARGIN);
    String limit =
        "did not finish within the --timeout of "
            + Decimals.plain(deadline.total().toMillis() / 1000.0)
            + " s";
    String stdout = text(ending.stdout(), ending.stdoutCut());
    return switch (ending.state()) {
      case NOT_STARTED ->
          throw new UsageException("cannot run " + plugin.get(0) + ": " + ending.error());
      case KILLED_AT_DEADLINE -> new PluginRun(null, 0, stdout, "", limit);
      case OUTPUT_HELD ->
          new PluginRun(
              null,
              0,
              stdout,
              "",
              "exited but a process it started kept its output open ("
                  + limit.replace("did not finish ", "")
                  + ")");
      case EXITED ->
          new PluginRun(ending.exit(), ending.signal(), stdout, text(ending.stderr(), false), null);
    };
  }

  private static String text(byte[] bytes, boolean cut) {
    String text = SafeText.decode(bytes);
    return cut ? text + "\n(output cut at " + MAX_OUTPUT_BYTES + " bytes)" : text;
  }

  @Override
  public int cutShort(String reason, Renderer renderer, PrintWriter out) {
    ChildProcess started = running;
    if (started != null) {
      started.kill();
    }
    return Launchable.super.cutShort(reason, renderer, out);
  }

  @Override
  public String pending() {
    ChildProcess started = running;
    return started == null ? null : "the plugin " + plugin.get(0) + ", pid " + started.pid();
  }

  /**
   * The errno text of a failed exec, as JDK 17 ("error=2, TEXT") and JDK 22+ ("error: 2 (TEXT)")
   * word it.
   */
  static String reason(IOException e) {
    String message = String.valueOf(e.getMessage());
    Matcher errno = EXEC_ERROR.matcher(message);
    return errno.find() ? errno.group(1) : message;
  }

  /**
   * What the plugin did: its exit code (null when it was killed at the deadline; 128+N when signal
   * N killed it), the signal that killed it (0 when it exited) and what it printed.
   */
  record PluginRun(Integer exit, int signal, String stdout, String stderr, String killedBecause) {
    List<String> stderrLines() {
      return stderr.isBlank()
          ? List.of()
          : Arrays.stream(stderr.split("\r?\n")).filter(l -> !l.isBlank()).toList();
    }
  }
}
