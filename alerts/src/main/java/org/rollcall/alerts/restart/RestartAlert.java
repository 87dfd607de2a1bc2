package org.rollcall.alerts.restart;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.rollcall.alerts.AbstractAlert;
import org.rollcall.alerts.Alert;
import org.rollcall.alerts.Delivery;
import org.rollcall.alerts.Fallback;
import org.rollcall.core.cli.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * restart.alert: on a failure alert, restarts the failed service (a systemd unit or a command), at
 * most {@code --max} times within {@code --within}; past that it stops and says so everywhere a
 * person looks.
 */
@Command(
    name = "restart.alert",
    header = "Restart a unit or run a program on a failure alert",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "On a failure alert, restarts a systemd UNIT ('systemctl restart UNIT') or runs PROGRAM"
          + " with the ARGs after '--' (no shell). Upalerts and other alerts do nothing.",
      "",
      "At most --max restarts within --within, counted in a ledger in --state-dir; past that"
          + " there is no restart, and stdout, syslog and the fallback file say so. A command"
          + " still running at --timeout is killed with every process it still holds.",
      "",
      "Examples, in mon.cf:",
      "",
      "  alert restart.alert --systemd ssh.service --max 3 --within 30m",
      "  alert restart.alert --command /usr/sbin/apachectl -- graceful"
    })
public final class RestartAlert extends AbstractAlert {
  private static final String UNIT_NAME = "[A-Za-z0-9:_.@\\\\-]+";

  @Option(names = "--systemd", paramLabel = "UNIT", description = "Run 'systemctl restart UNIT'.")
  String unit;

  @Option(
      names = "--command",
      paramLabel = "PROGRAM",
      description = "Run PROGRAM with the ARGs after '--', as given (no shell).")
  String program;

  @Parameters(paramLabel = "ARG", description = "Arguments for --command, after '--'.")
  List<String> arguments = new ArrayList<>();

  @Spec CommandSpec spec;

  @Option(
      names = "--max",
      paramLabel = "N",
      defaultValue = "3",
      description = "Restarts allowed within --within (default: ${DEFAULT-VALUE}).")
  int max;

  @Option(
      names = "--within",
      paramLabel = "DURATION",
      defaultValue = "1h",
      description = "The window for --max, e.g. 90s, 30m, 1h, 2d (default: ${DEFAULT-VALUE}).")
  String within;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "Where the restart record is kept (default: $MON_STATEDIR, else /var/lib/rollcall).")
  Path stateDir;

  @Override
  protected String doneVerb() {
    return "handled";
  }

  @Override
  protected Delivery delivery(Alert alert) {
    if ((unit == null) == (program == null)) {
      throw new UsageException("give exactly one of --systemd UNIT or --command PROGRAM");
    }
    if (unit != null
        && (!unit.matches(UNIT_NAME) || unit.startsWith("-") || !arguments.isEmpty())) {
      throw new UsageException(
          "--systemd wants one unit name such as ssh.service, not '"
              + unit
              + "'"
              + (arguments.isEmpty() ? "" : " and arguments"));
    }
    if (program != null
        && !arguments.isEmpty()
        && !spec.commandLine().getParseResult().originalArgs().contains("--")) {
      throw new UsageException(
          "put -- before the arguments of --command "
              + program
              + " (--command "
              + program
              + " -- ARG...): without it an argument such as -t is taken as mon's own flag and left out of the command");
    }
    if (max < 1) {
      throw new UsageException("--max must be at least 1, not " + max);
    }
    Duration window = Durations.parse("--within", within);
    List<String> command = new ArrayList<>();
    if (unit != null) {
      command.addAll(List.of("systemctl", "restart", unit));
    } else {
      command.add(program);
      command.addAll(arguments);
    }
    RestartTarget target =
        new RestartTarget(command, unit != null ? unit : Path.of(program).getFileName().toString());
    return new Restart(
        alert, target, new RestartLedger(target.ledgerIn(stateDirectory())), max, window);
  }

  private Path stateDirectory() {
    if (stateDir != null) {
      return stateDir;
    }
    String monStateDir = env.get("MON_STATEDIR");
    return monStateDir != null && !monStateDir.isEmpty()
        ? Path.of(monStateDir)
        : Fallback.SYSTEM_DIRECTORY;
  }
}
