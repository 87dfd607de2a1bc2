package org.rollcall.core.process;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.rollcall.core.cli.CallerLocale;
import org.rollcall.core.cli.Deadline;

/**
 * A program run without a shell (its arguments exactly as given) in the caller's locale, under a
 * deadline: its stdin fed by a thread of its own (a program that never reads cannot hold the caller
 * once the pipe is full), or /dev/null; its stdout and stderr each read to a cap on threads of
 * their own; and at the end, what it left is killed as its {@link Leftovers} say.
 */
public final class ChildProcess implements AutoCloseable {
  /** What happens to the processes the program started. */
  public enum Leftovers {
    /**
     * At the deadline, every process still the program's descendant is killed with it (a sendmail's
     * queue runner, a restart script's {@code sleep}); one that detached (init's child now, as a
     * daemon is) is left running, and so is everything when the program ends in time: a restart
     * command's children may be the daemon it started.
     */
    DESCENDANTS_AT_DEADLINE,
    /**
     * The program runs in a process group of its own under a small Perl parent, which tells an exit
     * from a death by signal and kills what is left in the group as soon as the program ends, at
     * the deadline or on {@link #kill} (a plugin: nothing may outlive its check, as under Nagios).
     */
    GROUP
  }

  /** Writes the program's stdin. */
  @FunctionalInterface
  public interface Input {
    void writeTo(OutputStream stdin) throws Exception;
  }

  /**
   * How to run it.
   *
   * @param input what to write on its stdin, or null for /dev/null
   * @param mergeStderr whether stderr goes with stdout (then {@link Ending#stderr} is empty)
   * @param outputCap how much of each stream is kept
   * @param outputGrace how long, once the program has exited, to wait for the end of its output;
   *     null to wait up to the deadline and call output still open then {@link State#OUTPUT_HELD}
   */
  public record Settings(
      Leftovers leftovers, Input input, boolean mergeStderr, int outputCap, Duration outputGrace) {}

  /** How a run ended. */
  public enum State {
    /** It exited (or was killed by a signal from elsewhere) before the deadline. */
    EXITED,
    /** It was still running at the deadline, and was killed. */
    KILLED_AT_DEADLINE,
    /** It exited, but a process it started kept its output open up to the deadline. */
    OUTPUT_HELD,
    /** It could not be started ({@link Ending#error} says why). */
    NOT_STARTED
  }

  /**
   * What the run gave.
   *
   * @param exit the exit code, 128+N for a death by signal N, -1 when it did not exit
   * @param signal the signal that killed it, 0 when it exited or when the JDK cannot tell (without
   *     {@link Leftovers#GROUP}, a death by signal N is an exit code of 128+N)
   */
  public record Ending(
      State state,
      int exit,
      int signal,
      String error,
      byte[] stdout,
      boolean stdoutCut,
      byte[] stderr) {}

  private static final Duration LAST_OUTPUT = Duration.ofMillis(200);
  private static final Duration LAST_STDERR = Duration.ofMillis(100);

  private final Process process;
  private final GroupParent group;
  private final Settings settings;
  private final CappedReader stdout;
  private final CappedReader stderr;

  private ChildProcess(Process process, GroupParent group, Settings settings) {
    this.process = process;
    this.group = group;
    this.settings = settings;
    this.stdout =
        CappedReader.start(process.getInputStream(), settings.outputCap(), "rollcall-child-output");
    this.stderr =
        settings.mergeStderr()
            ? null
            : CappedReader.start(
                process.getErrorStream(), settings.outputCap(), "rollcall-child-stderr");
  }

  /**
   * Starts {@code command}; an IOException when it cannot be (for {@link Leftovers#GROUP}: when
   * perl cannot).
   */
  public static ChildProcess start(List<String> command, Settings settings) throws IOException {
    GroupParent group = settings.leftovers() == Leftovers.GROUP ? GroupParent.create() : null;
    ProcessBuilder builder =
        new ProcessBuilder(group == null ? command : group.command(command))
            .redirectErrorStream(settings.mergeStderr());
    if (settings.input() == null) {
      builder.redirectInput(new File("/dev/null"));
    }
    CallerLocale.restore(builder.environment());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      if (group != null) {
        group.delete();
      }
      throw e;
    }
    ChildProcess child = new ChildProcess(process, group, settings);
    if (settings.input() != null) {
      child.feed(settings.input());
    }
    return child;
  }

  /**
   * The program's PID (for {@link Leftovers#GROUP}, the parent's PID until it has forked the
   * program).
   */
  public long pid() {
    return group == null
        ? process.pid()
        : process.toHandle().children().findFirst().map(ProcessHandle::pid).orElse(process.pid());
  }

  /**
   * Waits for the program until {@code margin} before the deadline, kills it there, and says how it
   * ended; what it left is handled as its {@link Leftovers} say.
   */
  public Ending await(Deadline deadline, Duration margin) throws InterruptedException {
    if (!process.waitFor(
        Math.max(0, deadline.remaining().minus(margin).toMillis()), TimeUnit.MILLISECONDS)) {
      kill();
      process.waitFor(1, TimeUnit.SECONDS);
      stdout.awaitEnd(LAST_OUTPUT);
      return ending(State.KILLED_AT_DEADLINE, -1, 0, null);
    }
    Ending exited = exited();
    if (exited != null) {
      return exited;
    }
    Duration left = deadline.remaining().minus(margin);
    Duration grace =
        settings.outputGrace() == null || settings.outputGrace().compareTo(left) > 0
            ? left
            : settings.outputGrace();
    boolean ended = stdout.awaitEnd(grace.isNegative() ? Duration.ZERO : grace);
    if (stderr != null) {
      stderr.awaitEnd(LAST_STDERR);
    }
    if (group != null) {
      return groupEnding(ended);
    }
    State state = !ended && settings.outputGrace() == null ? State.OUTPUT_HELD : State.EXITED;
    return ending(state, process.exitValue(), 0, null);
  }

  /**
   * Kills the program and what it left, now, as its {@link Leftovers} say; quick, from any thread.
   */
  public void kill() {
    if (group != null) {
      process.destroy(); // the parent's TERM handler kills the group with SIGKILL
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      return;
    }
    // The descendants first, while the program still holds them together (once it is dead, they are
    // init's), a few rounds for those forked meanwhile.
    for (int round = 0; round < 3; round++) {
      List<ProcessHandle> descendants = process.descendants().toList();
      if (descendants.isEmpty()) {
        break;
      }
      descendants.forEach(ProcessHandle::destroyForcibly);
    }
    process.destroyForcibly();
  }

  @Override
  public void close() {
    if (group != null) {
      group.delete();
    }
  }

  /** The ending of a GROUP run whose parent could not be started, or null to go on. */
  private Ending exited() {
    if (group == null) {
      return null;
    }
    String status = status();
    if (status != null && status.startsWith("error ")) {
      return ending(State.NOT_STARTED, -1, 0, status.substring("error ".length()));
    }
    return null;
  }

  private Ending groupEnding(boolean outputEnded) {
    String status = status();
    int exit = process.exitValue();
    int signal = 0;
    if (status != null && status.startsWith("signal ")) {
      signal = Integer.parseInt(status.substring("signal ".length()));
      exit = 128 + signal;
    } else if (status != null && status.startsWith("exit ")) {
      exit = Integer.parseInt(status.substring("exit ".length()));
    }
    // else the parent died before it could say (killed from outside): what the JDK saw is all there
    // is.
    return ending(
        outputEnded || settings.outputGrace() != null ? State.EXITED : State.OUTPUT_HELD,
        exit,
        signal,
        null);
  }

  private String status() {
    try {
      return group.status();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private Ending ending(State state, int exit, int signal, String error) {
    return new Ending(
        state,
        exit,
        signal,
        error,
        stdout.bytes(),
        stdout.overflowed(),
        stderr == null ? new byte[0] : stderr.bytes());
  }

  private void feed(Input input) {
    Thread feeder =
        new Thread(
            () -> {
              try (OutputStream in = process.getOutputStream()) {
                input.writeTo(in);
              } catch (Exception e) {
                // The exit status says more (the program may have stopped reading early, or was
                // killed).
              }
            },
            "rollcall-child-input");
    feeder.setDaemon(true);
    feeder.start();
  }
}
