package org.rollcall.alerts.restart;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.rollcall.alerts.Alert;
import org.rollcall.alerts.AlertKind;
import org.rollcall.alerts.BoundedProcess;
import org.rollcall.alerts.Delivery;
import org.rollcall.alerts.DeliveryException;
import org.rollcall.alerts.SystemLog;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.files.UntrustedFileException;
import org.rollcall.core.text.SafeText;

/**
 * restart.alert's one action: on a failure alert, take a restart from the ledger and run the
 * target; record the result in the ledger and syslog. Never retried: each try would be another
 * restart.
 */
final class Restart implements Delivery {
  private final Alert alert;
  private final RestartTarget target;
  private final RestartLedger ledger;
  private final int max;
  private final Duration window;

  Restart(Alert alert, RestartTarget target, RestartLedger ledger, int max, Duration window) {
    this.alert = alert;
    this.target = target;
    this.ledger = ledger;
    this.max = max;
    this.window = window;
  }

  @Override
  public String target() {
    return target.describe();
  }

  @Override
  public String deliver(Deadline attempt) throws DeliveryException, InterruptedException {
    if (alert.kind() != AlertKind.FAILURE) {
      return "- nothing to restart (" + alert.kind().monName() + " alert)";
    }
    String limit = "at most " + max + " within " + Durations.format(window);
    RestartLedger.Decision decision;
    try {
      decision = ledger.reserve(Instant.now(), max, window, alert.shortHeadline());
    } catch (UntrustedFileException e) {
      throw new DeliveryException(
          "not restarting "
              + target.describe()
              + ": the restart record "
              + ledger.file()
              + " cannot be trusted ("
              + e.getReason()
              + ")",
          false,
          e);
    } catch (IOException e) {
      throw new DeliveryException(
          "cannot keep the restart record "
              + ledger.file()
              + " ("
              + e.getMessage()
              + "), so did not restart "
              + target.describe(),
          false,
          e);
    }
    if (!decision.allowed()) {
      throw new DeliveryException(
          "RESTART LIMIT REACHED, not restarting: "
              + target.describe()
              + " already ran "
              + decision.restartsInWindow()
              + " times in the last "
              + Durations.format(window)
              + " ("
              + limit
              + ", first at "
              + decision.oldestInWindow()
              + "); the service needs a person",
          false);
    }
    String numbered = "restart " + decision.restartsInWindow() + " of " + limit;
    SystemLog.report(
        "notice",
        "restart.alert: restarting with "
            + SafeText.escape(target.describe())
            + " ("
            + numbered
            + ") for "
            + alert.headline());
    BoundedProcess.Result result;
    try {
      result = BoundedProcess.run(target.command(), null, attempt);
    } catch (IOException | DeliveryException e) {
      throw failed("cannot run " + target.describe() + ": " + e.getMessage(), e);
    }
    if (result.exit() != 0) {
      throw failed(
          target.describe()
              + " exited with "
              + result.exit()
              + (result.output().isEmpty() ? "" : ": " + result.output()),
          null);
    }
    note("ok");
    return "- restarted with " + target.describe() + " (" + numbered + ")";
  }

  private DeliveryException failed(String message, Exception cause) {
    note("failed: " + message);
    return new DeliveryException(message, false, cause);
  }

  private void note(String result) {
    try {
      ledger.note(Instant.now().truncatedTo(ChronoUnit.SECONDS), result);
    } catch (IOException e) {
      // reserve() wrote to the same file moments ago; the result is also on stdout and in syslog.
    }
  }
}
