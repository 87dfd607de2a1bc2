package org.rollcall.monitors.nagios;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.cli.Launchable;
import org.rollcall.core.cli.MonitorOptions;
import org.rollcall.core.cli.RunSettings;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.result.OutputMode;
import org.rollcall.core.result.Range;
import org.rollcall.core.result.Renderer;
import org.rollcall.core.text.SafeText;
import org.rollcall.monitors.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * nagios.monitor: runs any Nagios plugin under a deadline and speaks mon's contract, so mon can use the Nagios
 * plugins a host already has. Its exit code is the plugin's (WARNING passes unless {@code --warning-fails}), so
 * {@code alert exit=2} in mon.cf routes criticals and {@code exit=3} unknowns.
 */
@Command(name = "nagios.monitor", mixinStandardHelpOptions = true, versionProvider = Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = {
        "Runs a Nagios plugin under a deadline and reports it in mon's contract.",
        "The summary is the plugin's text before '|'; the details are its long output, its perfdata and anything",
        "it wrote on stderr. Exits 0 for OK and WARNING (unless --warning-fails), otherwise with the plugin's own",
        "code: 2 CRITICAL, 3 UNKNOWN, 1 WARNING. A plugin that outlives the deadline is killed and reported as",
        "UNKNOWN (exit 3). --nagios is refused: run the plugin itself under Nagios.",
        "Example: nagios.monitor -- /usr/lib/nagios/plugins/check_disk -w 10%% -c 5%% -p /"})
public final class NagiosMonitor implements Launchable {
  private static final Pattern EXEC_ERROR = Pattern.compile("error[=:] ?\\d+,? \\(?([^()]*?)\\)?\\s*$");

  /** Output beyond this is cut: a plugin gone wrong must not fill mon's memory (Nagios 4 keeps 8 KiB). */
  static final int MAX_OUTPUT_BYTES = 65_536;
  /** Time kept back from the deadline to kill the plugin and report before the launcher's watchdog fires. */
  private static final Duration KILL_MARGIN = Duration.ofMillis(500);

  @Mixin
  MonitorOptions options = new MonitorOptions();

  /** The plugin while it runs, for a signal's line and to kill it then. */
  private volatile PluginProcess running;

  @Option(names = "--warning-fails", description = "Count the plugin's WARNING (exit 1) as a failure too.")
  boolean warningFails;

  @Parameters(paramLabel = "PLUGIN", arity = "1..*",
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
    try (PluginProcess started = startPlugin()) {
      return await(started, deadline);
    } finally {
      running = null;
    }
  }

  private PluginProcess startPlugin() {
    try {
      PluginProcess started = PluginProcess.start(plugin);
      running = started;
      return started;
    } catch (IOException e) {
      throw new UsageException("cannot run " + plugin.get(0) + " under perl (which gives it a process group of its "
          + "own): " + reason(e));
    }
  }

  private PluginRun await(PluginProcess started, Deadline deadline) throws InterruptedException {
    Process process = started.process();
    CompletableFuture<String> stdout = capture(process.getInputStream());
    CompletableFuture<String> stderr = capture(process.getErrorStream());
    String limit = "did not finish within the --timeout of " + Range.format(deadline.total().toMillis() / 1000.0)
        + " s";
    if (!process.waitFor(Math.max(0, deadline.remaining().minus(KILL_MARGIN).toMillis()), TimeUnit.MILLISECONDS)) {
      started.killGroup();
      return new PluginRun(null, 0, collect(stdout, Duration.ofMillis(200)), "", limit);
    }
    PluginProcess.Ending ending = endingOf(started);
    // The plugin's group is gone; a child that left it (setsid) may still hold the output open.
    Duration left = deadline.remaining().minus(KILL_MARGIN);
    try {
      return new PluginRun(ending.code(), ending.signal(),
          stdout.get(Math.max(0, left.toMillis()), TimeUnit.MILLISECONDS), collect(stderr, Duration.ofMillis(100)),
          null);
    } catch (TimeoutException | ExecutionException e) {
      return new PluginRun(null, 0, collect(stdout, Duration.ofMillis(200)), "",
          "exited but a process it started kept its output open (" + limit.replace("did not finish ", "") + ")");
    }
  }

  private PluginProcess.Ending endingOf(PluginProcess started) {
    PluginProcess.Ending ending;
    try {
      ending = started.ending();
    } catch (IOException | RuntimeException e) {
      ending = null;
    }
    if (ending == null) {
      // The parent died before it could say (killed from outside): what the JDK saw is all there is.
      int exit = started.process().exitValue();
      return new PluginProcess.Ending(exit, 0, null);
    }
    if (ending.error() != null) {
      throw new UsageException("cannot run " + plugin.get(0) + ": " + ending.error());
    }
    return ending;
  }

  @Override
  public int cutShort(String reason, Renderer renderer, PrintWriter out) {
    PluginProcess started = running;
    if (started != null) {
      started.killGroup();
    }
    return Launchable.super.cutShort(reason, renderer, out);
  }

  @Override
  public String pending() {
    PluginProcess started = running;
    return started == null ? null : "the plugin " + plugin.get(0) + ", pid " + started.pluginPid();
  }

  private static String collect(CompletableFuture<String> output, Duration wait) throws InterruptedException {
    try {
      return output.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return "";
    }
  }

  /** The errno text of a failed exec, as JDK 17 ("error=2, TEXT") and JDK 22+ ("error: 2 (TEXT)") word it. */
  static String reason(IOException e) {
    String message = String.valueOf(e.getMessage());
    Matcher errno = EXEC_ERROR.matcher(message);
    return errno.find() ? errno.group(1) : message;
  }

  /**
   * Reads a stream on its own daemon thread (the common pool has one thread on two cores, and reads block). Java
   * closes a killed process's pipe under a blocked read, so what was read before that is kept, not lost.
   */
  private static CompletableFuture<String> capture(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      ByteArrayOutputStream kept = new ByteArrayOutputStream();
      long dropped = 0;
      byte[] chunk = new byte[8192];
      try (in) {
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
          int room = Math.min(n, MAX_OUTPUT_BYTES - kept.size());
          kept.write(chunk, 0, room);
          dropped += n - room;
        }
      } catch (IOException closedUnderUs) {
        // The plugin was killed: keep what it said.
      }
      String text = SafeText.decode(kept.toByteArray());
      return dropped > 0 ? text + "\n(output cut at " + MAX_OUTPUT_BYTES + " bytes)" : text;
    }, task -> {
      Thread reader = new Thread(task, "nagios.monitor-output");
      reader.setDaemon(true);
      reader.start();
    });
  }

  /**
   * What the plugin did: its exit code (null when it was killed at the deadline; 128+N when signal N killed it),
   * the signal that killed it (0 when it exited) and what it printed.
   */
  record PluginRun(Integer exit, int signal, String stdout, String stderr, String killedBecause) {
    List<String> stderrLines() {
      return stderr.isBlank() ? List.of() : Arrays.stream(stderr.split("\r?\n")).filter(l -> !l.isBlank()).toList();
    }
  }
}
