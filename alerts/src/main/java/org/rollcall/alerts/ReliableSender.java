package org.rollcall.alerts;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.text.SafeText;

/**
 * Delivers an alert so that it is never lost: tries, retries briefly (1 s, then 2 s apart) while
 * the deadline allows, and otherwise saves it in the {@link Fallback} file and syslog. mon ignores
 * an alert's exit status, so the exit code is for people running the alert by hand: 0 delivered, 1
 * saved in the fallback, 2 lost even there.
 *
 * <p>A run cut short (its deadline, a signal) may call {@link #cutShort} from another thread at any
 * moment: the alert is then saved exactly once, by whichever of the two settles it first, and the
 * other waits for that save to be whole rather than writing a second record.
 */
public final class ReliableSender {
  public static final int DELIVERED = 0;
  public static final int FELL_BACK = 1;
  public static final int LOST = 2;

  private static final int MAX_ATTEMPTS = 3;
  private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

  /** How long past an attempt's deadline it is waited for before it is abandoned. */
  private static final Duration ABANDON_GRACE = Duration.ofMillis(250);

  /** Left at the end of the deadline for the fallback file and syslog. */
  private static final Duration FALLBACK_RESERVE = Duration.ofSeconds(1);

  private final String alertName;
  private final Fallback fallback;
  private final String doneVerb;

  /** How long a cut-short run waits for a save the delivery thread has already begun. */
  private static final Duration SAVE_WAIT = Duration.ofMillis(2000);

  private final PrintWriter out;

  /** Set once by whoever settles the alert: delivered, saved by the run, or saved by a cut. */
  private final AtomicBoolean settled = new AtomicBoolean();

  private final CountDownLatch settledWhole = new CountDownLatch(1);
  private volatile String settledAs = "";
  private volatile String waitingFor = "the delivery";

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
      if (settled.get()) {
        return FELL_BACK; // cut short and saved already: delivering now would send it twice
      }
      attempt++;
      Deadline attemptDeadline = Deadline.after(deadline.remaining().minus(FALLBACK_RESERVE));
      waitingFor = delivery.target();
      try {
        String where = deliverWithin(delivery, attemptDeadline);
        if (!settle("delivered")) {
          return FELL_BACK;
        }
        out.print(
            alertName
                + ": "
                + doneVerb
                + " "
                + alert.shortHeadline()
                + " "
                + SafeText.escape(where)
                + (attempt > 1 ? " (attempt " + attempt + ")" : "")
                + "\n");
        return DELIVERED;
      } catch (RuntimeException | Error e) {
        // A bug, a missing library or a delivery that ran out of memory must not lose the alert
        // either.
        failure = "internal error: " + e;
        break;
      } catch (DeliveryException e) {
        failure = e.getMessage();
        if (!e.retryable()
            || attempt == MAX_ATTEMPTS
            || !deadline.fits(pause, FALLBACK_RESERVE.multipliedBy(2))) {
          break;
        }
      }
      waitingFor = "the pause before attempt " + (attempt + 1) + " to " + delivery.target();
      deadline.sleep(pause);
      pause = pause.multipliedBy(2);
    }
    return fallBack(
        alert, failure + " (" + attempt + (attempt == 1 ? " attempt" : " attempts") + ")");
  }

  /**
   * Runs one attempt on a thread of its own and waits for it until the attempt's deadline (and a
   * short grace): a delivery that ignores its deadline (a library stuck in a read) is abandoned, a
   * retryable failure, so the alert still reaches the fallback file before the launcher's watchdog
   * ends the run.
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
      throw new DeliveryException(
          "no result within "
              + attempt.total().plus(ABANDON_GRACE).toMillis()
              + " ms; the attempt was abandoned",
          true);
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

  /** What the delivery is waiting for at this moment. */
  String pending() {
    return waitingFor;
  }

  /** Saves an alert that could not be delivered, or even attempted, and says so on stdout. */
  int fallBack(Alert alert, String reason) {
    if (!settle("saved in " + fallback.file())) {
      return FELL_BACK; // a cut took the alert first and saves it
    }
    try {
      return save(alert, reason, out);
    } finally {
      settledWhole.countDown();
    }
  }

  /**
   * Saves the alert of a run cut short with {@code reason}, and says so on {@code line}; when the
   * run has already settled it (or is saving it now), waits briefly for that to be whole and says
   * so instead.
   */
  int cutShort(Alert alert, String reason, PrintWriter line) throws InterruptedException {
    if (settle("saved in " + fallback.file() + " by the cut")) {
      try {
        return save(alert, reason, line);
      } finally {
        settledWhole.countDown();
      }
    }
    boolean whole = settledWhole.await(SAVE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    line.print(
        alertName
            + ": "
            + SafeText.escape(reason)
            + "; the alert was already "
            + settledAs
            + (whole ? "" : " (still being written)")
            + "\n");
    return settledAs.equals("delivered") ? DELIVERED : FELL_BACK;
  }

  private boolean settle(String how) {
    if (!settled.compareAndSet(false, true)) {
      return false;
    }
    settledAs = how;
    if (how.equals("delivered")) {
      settledWhole.countDown();
    }
    return true;
  }

  private int save(Alert alert, String reason, PrintWriter line) {
    try {
      fallback.save(alert, reason, Instant.now());
      line.print(
          alertName
              + ": NOT delivered "
              + alert.shortHeadline()
              + ": "
              + SafeText.escape(reason)
              + "; saved in "
              + fallback.file()
              + "\n");
      return FELL_BACK;
    } catch (IOException e) {
      return lost(alert, reason, IoFailure.describe(e, fallback.file()), line);
    } catch (RuntimeException e) {
      return lost(alert, reason, String.valueOf(e.getMessage()), line);
    }
  }

  private int lost(Alert alert, String reason, String why, PrintWriter line) {
    line.print(
        alertName
            + ": NOT delivered "
            + alert.shortHeadline()
            + ": "
            + SafeText.escape(reason)
            + "; and could not save it in "
            + fallback.file()
            + ": "
            + SafeText.escape(why)
            + "\n");
    return LOST;
  }
}
