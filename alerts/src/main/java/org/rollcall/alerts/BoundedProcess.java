package org.rollcall.alerts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.process.ChildProcess;
import org.rollcall.core.text.Decimals;

/**
 * An alert's program (a sendmail, a restart command) run by core's {@link ChildProcess}: what it
 * says on stdout and stderr together, its first 2000 bytes kept; killed at the deadline with what
 * it still holds, its detached daemons left running ({@link
 * ChildProcess.Leftovers#DESCENDANTS_AT_DEADLINE}).
 */
public final class BoundedProcess {
  private static final int MAX_OUTPUT = 2000;

  /** How long after it exits its output may still come: a child it left may hold the pipe open. */
  private static final Duration OUTPUT_GRACE = Duration.ofSeconds(1);

  /** How the program ended: its exit status and what it said, escaped to one line. */
  public record Result(int exit, String output) {}

  private BoundedProcess() {}

  /**
   * @param input what to write on its stdin, or null for /dev/null
   * @throws IOException when the program cannot be started
   * @throws DeliveryException when it is still running at the deadline (it is killed)
   */
  public static Result run(List<String> command, ChildProcess.Input input, Deadline deadline)
      throws IOException, DeliveryException, InterruptedException {
    ChildProcess.Settings settings =
        new ChildProcess.Settings(
            ChildProcess.Leftovers.DESCENDANTS_AT_DEADLINE, input, true, MAX_OUTPUT, OUTPUT_GRACE);
    try (ChildProcess child = ChildProcess.start(command, settings)) {
      ChildProcess.Ending ending = child.await(deadline, Duration.ZERO);
      if (ending.state() == ChildProcess.State.KILLED_AT_DEADLINE) {
        throw new DeliveryException(
            command.get(0)
                + " did not finish within "
                + Decimals.fixed(deadline.total().toMillis() / 1000.0, 1)
                + " s, what the alert's --timeout left it "
                + "(killed)",
            true);
      }
      return new Result(ending.exit(), new String(ending.stdout(), StandardCharsets.UTF_8).trim());
    }
  }
}
