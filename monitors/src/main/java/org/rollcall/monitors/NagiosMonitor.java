package org.rollcall.monitors;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.rollcall.core.cli.CallerLocale;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.cli.Launchable;
import org.rollcall.core.cli.MonitorOptions;
import org.rollcall.core.cli.RunSettings;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.result.OutputMode;
import org.rollcall.core.result.Range;
import org.rollcall.core.text.SafeText;
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
    Process process;
    try {
      ProcessBuilder builder = new ProcessBuilder(plugin).redirectInput(new File("/dev/null"));
      CallerLocale.restore(builder.environment());
      process = builder.start();
    } catch (IOException e) {
      throw new UsageException("cannot run " + plugin.get(0) + ": " + reason(e));
    }
    CompletableFuture<String> stdout = capture(process.getInputStream());
    CompletableFuture<String> stderr = capture(process.getErrorStream());
    String limit = "did not finish within the --timeout of " + Range.format(deadline.total().toMillis() / 1000.0)
        + " s";
    if (!process.waitFor(Math.max(0, deadline.remaining().minus(KILL_MARGIN).toMillis()), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      return new PluginRun(null, collect(stdout, Duration.ofMillis(200)), "", limit);
    }
    // A child the plugin left behind may hold its stdout open after it exits.
    Duration left = deadline.remaining().minus(KILL_MARGIN);
    try {
      return new PluginRun(process.exitValue(), stdout.get(Math.max(0, left.toMillis()), TimeUnit.MILLISECONDS),
          collect(stderr, Duration.ofMillis(100)), null);
    } catch (TimeoutException | ExecutionException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      return new PluginRun(null, collect(stdout, Duration.ofMillis(200)), "",
          "exited but a process it started kept its output open (" + limit.replace("did not finish ", "") + ")");
    }
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

  /** What the plugin did: its exit code (null when it was killed at the deadline) and what it printed. */
  record PluginRun(Integer exit, String stdout, String stderr, String killedBecause) {
    List<String> stderrLines() {
      return stderr.isBlank() ? List.of() : Arrays.stream(stderr.split("\r?\n")).filter(l -> !l.isBlank()).toList();
    }
  }
}
