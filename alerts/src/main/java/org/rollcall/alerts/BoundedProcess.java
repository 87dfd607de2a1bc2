package org.rollcall.alerts;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.rollcall.core.cli.CallerLocale;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.text.Decimals;

/**
 * Runs a program without a shell (arguments exactly as given), feeds its stdin, keeps the first 2000 bytes of
 * what it says (stdout and stderr), and kills it at the deadline. Its stdin is written by a thread of its own, so a
 * program that never reads (a wedged MTA) cannot hold the caller past the deadline once the pipe is full.
 *
 * <p>At the deadline, whatever the program started that is still its descendant is killed with it (a sendmail's
 * queue runner, a restart script's {@code sleep}); a daemon that detached (forked and left, now init's child) is
 * not its descendant any more, and is left running. A program that ends in time leaves its children alone.
 */
public final class BoundedProcess {
  private static final int MAX_OUTPUT = 2000;

  /** How the program ended: its exit status and what it said, escaped to one line. */
  public record Result(int exit, String output) {}

  /** Writes the program's stdin. */
  @FunctionalInterface
  public interface Input {
    void writeTo(OutputStream stdin) throws Exception;
  }

  private BoundedProcess() {}

  /**
   * @throws IOException when the program cannot be started
   * @throws DeliveryException when it is still running at the deadline (it is killed)
   */
  public static Result run(List<String> command, Input input, Deadline deadline)
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
      killWithDescendants(process);
      process.waitFor(1, TimeUnit.SECONDS);
      throw new DeliveryException(command.get(0) + " did not finish within "
          + Decimals.fixed(deadline.total().toMillis() / 1000.0, 1) + " s, what the alert's --timeout left it "
          + "(killed)", true);
    }
    feeder.join(Duration.ofSeconds(1).toMillis());
    said.awaitEnd(Duration.ofSeconds(1));
    return new Result(process.exitValue(), new String(said.bytes(), StandardCharsets.UTF_8).trim());
  }

  /**
   * Kills the descendants while the program still holds them together (once it is dead, they are init's), a few
   * rounds for those forked meanwhile, then the program.
   */
  private static void killWithDescendants(Process process) {
    for (int round = 0; round < 3; round++) {
      List<ProcessHandle> descendants = process.descendants().toList();
      if (descendants.isEmpty()) {
        break;
      }
      descendants.forEach(ProcessHandle::destroyForcibly);
    }
    process.destroyForcibly();
  }
}
