package org.rollcall.core.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.rollcall.core.result.Renderer;

/**
 * How one run ends: with its own answer, or cut short by its deadline or a signal, whichever comes
 * first; the others then change nothing. The answer is written to stdout in one write, outside any
 * lock, so that a stdout nobody reads can block only that write: the deadline still ends the
 * process on time.
 */
final class RunEnding {
  private static final int RUNNING = 0;
  private static final int ANSWERING = 1;
  private static final int ANSWERED = 2;
  private static final int CUT = 3;

  /**
   * How long a cut-short run may take to say so (an alert saving itself) before the process ends
   * regardless.
   */
  static final Duration CUT_GRACE = Duration.ofSeconds(3);

  /** How long a signal lets an answer that is already being written finish. */
  private static final Duration ANSWER_GRACE = Duration.ofSeconds(1);

  private final PrintStream stdout;
  private final IntConsumer halt;
  private final AtomicInteger phase = new AtomicInteger(RUNNING);
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile int answerCode;
  private volatile int cutCode;

  RunEnding(PrintStream stdout, IntConsumer halt) {
    this.stdout = stdout;
    this.halt = halt;
  }

  /**
   * Writes the run's own answer, unless the run was cut short first; returns the exit code the
   * process ends with (the cut-short one then, once that is written).
   */
  int answer(String output, int code) {
    if (!phase.compareAndSet(RUNNING, ANSWERING)) {
      awaitEnd();
      return cutCode;
    }
    answerCode = code;
    byte[] bytes = output.getBytes(StandardCharsets.UTF_8);
    stdout.write(bytes, 0, bytes.length);
    stdout.flush();
    phase.set(ANSWERED);
    ended.countDown();
    return code;
  }

  /** Whether the run has ended, either way. */
  boolean over() {
    return phase.get() != RUNNING;
  }

  /**
   * Cuts the run short: prints what {@code command} says of {@code reason} and ends the process
   * with its code. When the answer is already being written, a signal lets it finish (briefly) and
   * the deadline does not wait.
   *
   * @param waitForAnswer whether an answer being written may still finish (a signal), or not (the
   *     deadline)
   */
  void cut(Launchable command, String reason, Renderer renderer, boolean waitForAnswer) {
    if (!phase.compareAndSet(RUNNING, CUT)) {
      if (phase.get() == ANSWERING) {
        if (waitForAnswer) {
          awaitEnd(ANSWER_GRACE);
        }
        halt.accept(answerCode);
      }
      return;
    }
    startLastResort(renderer.errorCode());
    StringWriter line = new StringWriter();
    PrintWriter out = new PrintWriter(line);
    int code;
    try {
      code = command.cutShort(reason, renderer, out);
    } catch (RuntimeException | Error e) {
      code = renderer.renderError(command.service(), reason, List.of(), out);
    }
    out.flush();
    stdout.print(line);
    stdout.flush();
    cutCode = code;
    ended.countDown();
    halt.accept(code);
  }

  /**
   * Ends the process with {@code code} if saying why takes longer than {@link #CUT_GRACE} (a
   * blocked stdout).
   */
  private void startLastResort(int code) {
    Thread thread = new Thread(new LastResort(code), "rollcall-last-resort");
    thread.setDaemon(true);
    thread.start();
  }

  private void awaitEnd() {
    try {
      ended.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitEnd(Duration limit) {
    try {
      ended.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class LastResort implements Runnable {
    private final int code;

    LastResort(int code) {
      this.code = code;
    }

    @Override
    public void run() {
      awaitEnd(CUT_GRACE);
      if (ended.getCount() > 0) {
        halt.accept(code);
      }
    }
  }
}
