package org.rollcall.alerts;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.rollcall.core.cli.Deadline;

/**
 * Runs a program without a shell (arguments exactly as given), feeds its stdin, keeps the first 2000 bytes of
 * what it says (stdout and stderr), and kills it at the deadline.
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
   * @throws IOException when the program cannot be started
   * @throws DeliveryException when it is still running at the deadline (it is killed)
   */
  static Result run(List<String> command, Input input, Deadline deadline)
      throws IOException, DeliveryException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CappedReader said = CappedReader.start(process.getInputStream(), MAX_OUTPUT, "rollcall-child-output");
    try (OutputStream stdin = process.getOutputStream()) {
      input.writeTo(stdin);
    } catch (Exception e) {
      // The exit status says more (the program may have stopped reading early).
    }
    if (!process.waitFor(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new DeliveryException(command.get(0) + " did not finish within " + deadline.total().toSeconds()
          + " s (killed)", true);
    }
    said.awaitEnd(Duration.ofSeconds(1));
    return new Result(process.exitValue(), new String(said.bytes(), StandardCharsets.UTF_8).trim());
  }
}
