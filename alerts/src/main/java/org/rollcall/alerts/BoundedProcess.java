package org.rollcall.alerts;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.rollcall.core.cli.CallerLocale;
import org.rollcall.core.cli.Deadline;

/**
 * Runs a program without a shell (arguments exactly as given), feeds its stdin, keeps the first 2000 bytes of
 * what it says (stdout and stderr), and kills it at the deadline. Its stdin is written by a thread of its own, so a
 * program that never reads (a wedged MTA) cannot hold the caller past the deadline once the pipe is full.
 */
final class BoundedProcess {
  private static final int MAX_OUTPUT = 2000;

  /** How the program ended: its exit status and what it said, escaped to one line. */
  record Result(int exit, String output) {}

  /** Writes the program's stdin. */
  @FunctionalInterface
  interface Input {
    void writeTo(OutputStream stdin) throws Exception;
  }

  private BoundedProcess() {}

  /**
   * @param killDescendants at the deadline, also kill what the program started (a sendmail's queue runner); a
   *     restart command's children may be the daemon it started, and are left alone
   * @throws IOException when the program cannot be started
   * @throws DeliveryException when it is still running at the deadline (it is killed)
   */
  static Result run(List<String> command, Input input, Deadline deadline, boolean killDescendants)
      throws IOException, DeliveryException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    CallerLocale.restore(builder.environment());
    Process process = builder.start();
    CappedReader said = CappedReader.start(process.getInputStream(), MAX_OUTPUT, "rollcall-child-output");
    Thread feeder = new Thread(() -> {
      try (OutputStream stdin = process.getOutputStream()) {
        input.writeTo(stdin);
      } catch (Exception e) {
        // The exit status says more (the program may have stopped reading early, or was killed).
      }
    }, "rollcall-child-input");
    feeder.setDaemon(true);
    feeder.start();
    if (!process.waitFor(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS)) {
      if (killDescendants) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
      }
      process.destroyForcibly();
      process.waitFor(1, TimeUnit.SECONDS);
      throw new DeliveryException(command.get(0) + " did not finish within " + deadline.total().toSeconds()
          + " s (killed)", true);
    }
    feeder.join(Duration.ofSeconds(1).toMillis());
    said.awaitEnd(Duration.ofSeconds(1));
    return new Result(process.exitValue(), new String(said.bytes(), StandardCharsets.UTF_8).trim());
  }
}
