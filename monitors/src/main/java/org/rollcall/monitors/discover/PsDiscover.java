package org.rollcall.monitors.discover;

import java.io.PrintWriter;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.cli.Launchable;
import org.rollcall.core.cli.MonitorOptions;
import org.rollcall.core.cli.PlainArguments;
import org.rollcall.core.cli.ProcRootOption;
import org.rollcall.core.cli.RunSettings;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.ids.UserDirectory;
import org.rollcall.core.result.OutputMode;
import org.rollcall.monitors.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * ps.discover: reads what runs now and prints ps.monitor rules that hold now, each checked as
 * ps.monitor would count it. A command of its own, not a ps.monitor option: ps.monitor's plain path
 * and class stay as they are (see the man page).
 */
@Command(
    name = "ps.discover",
    header = "Propose ps.monitor rules that hold for what runs now",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Prints ps.monitor rules that hold now, read from the running processes (or --proc-root).",
      "One strict rule per daemon (its name, binary, system user, systemd unit and SELinux type,"
          + " its count as seen), a loose 1- rule per kind of worker, a 0-0 rule where other"
          + " processes use a daemon's name, and the exclusion.monitor line that holds now. Each"
          + " rule is checked against the same scan before it is printed, and a comment line"
          + " says why it was drawn. Prints, never monitors: read the list before using it.",
      "Example: ps.discover --format mon > /etc/mon/discovered.cf"
    })
public final class PsDiscover implements Launchable {
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "rules (one a line: an argument file for ps.monitor @FILE; the default), mon (a watch"
              + " for mon.cf), nagios (define service), icinga (Icinga 2 objects).")
  String format = "rules";

  @Option(
      names = "--min-age",
      paramLabel = "SECONDS",
      description =
          "A worker, or an orphan outside any service, must have run this long to get a rule "
              + "(default: 60): shorter-lived ones are jobs.")
  double minAgeSeconds = 60;

  @Option(
      names = {"-t", "--timeout"},
      paramLabel = "SECONDS",
      description = "End the run after this many seconds (default: 30).")
  double timeoutSeconds = Double.parseDouble(MonitorOptions.DEFAULT_TIMEOUT);

  @Option(
      names = {"-v", "--verbose"},
      description = "Add stack traces to error lines.")
  boolean verbose;

  @Mixin ProcRootOption procRoot;

  private final UserDirectory users;

  public PsDiscover() {
    this(UserDirectory.system(), new ProcRootOption());
  }

  /** With a fixed user directory and a default proc tree, for tests and an embedding. */
  public PsDiscover(UserDirectory users, ProcRootOption procRoot) {
    this.users = users;
    this.procRoot = procRoot;
  }

  /** No argument at all: every option keeps its default (registered as {@code plain=nothing}). */
  @Override
  public void takePlain(PlainArguments given) {}

  @Override
  public String service() {
    return "DISCOVER";
  }

  @Override
  public RunSettings settings() {
    return new RunSettings(MonitorOptions.timeout(timeoutSeconds), OutputMode.MON, verbose);
  }

  @Override
  public int run(Deadline deadline, PrintWriter out) {
    if (!(minAgeSeconds >= 0)) {
      throw new UsageException("--min-age must be 0 or more seconds");
    }
    Format.named(format).write(Discovery.of(procRoot.fs(), users, minAgeSeconds), out);
    return 0;
  }
}
