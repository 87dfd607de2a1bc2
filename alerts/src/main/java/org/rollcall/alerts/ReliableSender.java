package org.rollcall.alerts;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.text.SafeText;

/**
 * Delivers an alert so that it is never lost: tries, retries briefly (1 s, then 2 s apart) while the deadline
 * allows, and otherwise saves it in the {@link Fallback} file and syslog. mon ignores an alert's exit status, so
 * the exit code is for people running the alert by hand: 0 delivered, 1 saved in the fallback, 2 lost even there.
 */
final class ReliableSender {
  static final int DELIVERED = 0;
  static final int FELL_BACK = 1;
  static final int LOST = 2;

  private static final int MAX_ATTEMPTS = 3;
  private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  /** How long past an attempt's deadline it is waited for before it is abandoned. */
  private static final Duration ABANDON_GRACE = Duration.ofMillis(250);
  /** Left at the end of the deadline for the fallback file and syslog. */
  private static final Duration FALLBACK_RESERVE = Duration.ofSeconds(1);

  private final String alertName;
  private final Fallback fallback;
  private final String doneVerb;
  private final PrintWriter out;

  ReliableSender(String alertName, Fallback fallback, String doneVerb, PrintWriter out) {
    this.alertName = alertName;
    this.fallback = fallback;
    this.doneVerb = doneVerb;
    this.out = out;
  }

  int send(Alert alert, Delivery delivery, Deadline deadline) throws InterruptedException {
    Duration pause = FIRST_PAUSE;
    String failure = null;
    int attempt = 0;
    while (attempt < MAX_ATTEMPTS) {
      attempt++;
      Deadline attemptDeadline = Deadline.after(deadline.remaining().minus(FALLBACK_RESERVE));
      try {
        String where = deliverWithin(delivery, attemptDeadline);
        out.print(alertName + ": " + doneVerb + " " + alert.headline() + " " + SafeText.escape(where)
            + (attempt > 1 ? " (attempt " + attempt + ")" : "") + "\n");
        return DELIVERED;
      } catch (RuntimeException | Error e) {
        // A bug, a missing library or a delivery that ran out of memory must not lose the alert either.
        failure = "internal error: " + e;
        break;
      } catch (DeliveryException e) {
        failure = e.getMessage();
        if (!e.retryable() || attempt == MAX_ATTEMPTS || !deadline.fits(pause, FALLBACK_RESERVE.multipliedBy(2))) {
          break;
        }
      }
      deadline.sleep(pause);
      pause = pause.multipliedBy(2);
    }
    return fallBack(alert, failure + " (" + attempt + (attempt == 1 ? " attempt" : " attempts") + ")");
  }

  /**
   * Runs one attempt on a thread of its own and waits for it until the attempt's deadline (and a short grace): a
   * delivery that ignores its deadline (a library stuck in a read) is abandoned, a retryable failure, so the alert
   * still reaches the fallback file before the launcher's watchdog ends the run.
   */
  private static String deliverWithin(Delivery delivery, Deadline attempt)
      throws DeliveryException, InterruptedException {
    FutureTask<String> task = new FutureTask<>(() -> delivery.deliver(attempt));
    Thread thread = new Thread(task, "rollcall-delivery");
    thread.setDaemon(true);
    thread.start();
    try {
      return task.get(attempt.remaining().plus(ABANDON_GRACE).toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      throw new DeliveryException("no result within " + attempt.total().plus(ABANDON_GRACE).toMillis()
          + " ms; the attempt was abandoned", true);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof DeliveryException failure) {
        throw failure;
      }
      if (cause instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      if (cause instanceof RuntimeException bug) {
        throw bug;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** Saves an alert that could not be delivered, or even attempted, and says so on stdout. */
  int fallBack(Alert alert, String reason) {
    try {
      fallback.save(alert, reason, Instant.now());
      out.print(alertName + ": NOT delivered " + alert.headline() + ": " + SafeText.escape(reason)
          + "; saved in " + fallback.file() + "\n");
      return FELL_BACK;
    } catch (IOException | RuntimeException e) {
      out.print(alertName + ": NOT delivered " + alert.headline() + ": " + SafeText.escape(reason)
          + "; and could not save it in " + fallback.file() + ": " + SafeText.escape(String.valueOf(e.getMessage()))
          + "\n");
      return LOST;
    }
  }
}
