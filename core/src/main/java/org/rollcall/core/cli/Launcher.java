package org.rollcall.core.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.rollcall.core.result.OutputMode;
import org.rollcall.core.result.Renderer;
import org.rollcall.core.text.Decimals;

/**
 * Runs one executable: parses its options (with picocli, unless they are plain arguments), starts
 * its deadline, runs it, and prints everything it says in one write to stdout. The one place that
 * decides exit codes for usage errors (1 in mon's contract, 3 in Nagios's), timeouts, signals and
 * unexpected exceptions, each reported as one readable line (a stack trace only with -v). Nothing
 * is ever written to stderr: mon would merge it into the summary line.
 *
 * <p>The path a plain run takes ({@link PlainShape}: this class, the monitors' scans, counting,
 * rendering) loads no regular expression, Formatter, lambda, stream or record bootstrap: the dist
 * module's StartupBudgetIT fails when one does, and bench/README.md says what each costs.
 */
public final class Launcher {
  /**
   * {@code rollcall.interrupted=SIGNAME}: the launcher script's second start of an alert whose
   * first JVM a signal ended before rollcall's code ran. The run is cut short at once, so the alert
   * still saves what it was given.
   */
  static final String INTERRUPTED_PROPERTY = "rollcall.interrupted";

  private final PrintStream stdout;
  private final IntConsumer halt;

  /** The name the user called the executable by, when not its own ({@code check_rollcall_ps}). */
  private final String calledAs;

  /** The run under way: what a signal cuts short (null between runs). */
  private volatile Current current;

  /**
   * A signal that came before this launcher's first run began (Main routes signals first): that run
   * is cut short as soon as it starts, instead of the signal being lost.
   */
  private String early;

  /** Whether a run has begun: a signal after the last one ended changes nothing. */
  private boolean begun;

  /**
   * @param stdout where the run's output goes, in one write
   * @param halt ends the process when the run is cut short (its deadline, a signal) with the
   *     command still running
   */
  public Launcher(PrintStream stdout, IntConsumer halt) {
    this(stdout, halt, null);
  }

  /**
   * @param calledAs the name the executable was called by, which its help and error lines use
   *     instead of its own: {@code check_rollcall_ps} for ps.monitor under its Nagios plugin name,
   *     so that {@code --help} shows the command line the user types. Null for the executable's own
   *     name.
   */
  public Launcher(PrintStream stdout, IntConsumer halt, String calledAs) {
    this.stdout = stdout;
    this.halt = halt;
    this.calledAs = calledAs;
  }

  /**
   * Runs {@code command} with {@code args}, their argument files expanded ({@link ArgumentFiles}):
   * taken as they are when they have the plain shape its registry entry declares ({@link
   * PlainShape}), otherwise parsed by picocli. Looks the entry up by the command's name, as a test
   * or an embedding would; {@link Main} passes the shape it already has.
   */
  public int execute(Launchable command, String... args) {
    return execute(command, Registration.plainShapeOf(nameOf(command)), args);
  }

  /**
   * Runs {@code command}, always parsing {@code args} with picocli (to compare with the plain
   * path).
   */
  public int executeParsed(Launchable command, String... args) {
    return execute(command, PlainShape.NEVER, args);
  }

  /**
   * Cuts the run under way short because {@code signal} ("SIGTERM") came: it prints a line naming
   * the signal and what the run was waiting for, and the process ends with a failure (UNKNOWN under
   * Nagios). Returns at once when the run has already ended; one that has not begun yet is cut as
   * soon as it begins.
   */
  public void interrupt(String signal) {
    Current run;
    synchronized (this) {
      run = current;
      if (run == null && !begun && early == null) {
        early = signal;
      }
    }
    if (run != null) {
      run.cut("interrupted by " + signal, true);
    }
  }

  /** Makes {@code run} the one a signal cuts; returns the signal that came before it, if any. */
  private synchronized String begin(Current run) {
    current = run;
    begun = true;
    String before = early;
    early = null;
    return before;
  }

  /**
   * Runs {@code command}, taking {@code args} as they are when they have the {@code plain} shape.
   */
  public int execute(Launchable command, PlainShape plain, String... args) {
    StringWriter buffer = new StringWriter();
    PrintWriter out = new PrintWriter(buffer);
    Current run = new Current(command, contract(args));
    String signalledBefore = begin(run);
    int code;
    Thread watchdog = null;
    try {
      String[] expanded = ArgumentFiles.expand(args);
      run.renderer = contract(expanded);
      if (!plain.take(command, expanded)
          && CommandLineParsing.parse(command, calledName(command), expanded, out)
              == CommandLineParsing.Outcome.HELP_PRINTED) {
        code = run.renderer == OutputMode.NAGIOS.renderer() ? 3 : 0;
      } else {
        RunSettings settings = command.settings();
        run.renderer = settings.mode().renderer();
        Deadline deadline = Deadline.after(settings.timeout());
        watchdog = new Thread(new Watchdog(run, settings.timeout()), "rollcall-deadline");
        watchdog.setDaemon(true);
        watchdog.start();
        String interrupted =
            signalledBefore != null ? signalledBefore : System.getProperty(INTERRUPTED_PROPERTY);
        if (interrupted != null) {
          run.cut("interrupted by " + interrupted + " before it could answer", true);
          code = run.renderer.errorCode();
        } else {
          code = run(command, deadline, settings, out, run.renderer);
        }
      }
    } catch (UsageException e) {
      code = command.refused(problem(command, e), args, run.renderer, out);
    }
    out.flush();
    int exit = run.ending.answer(buffer.toString(), code);
    if (watchdog != null) {
      // A run that ended in time leaves nothing behind: an executable run in a long-lived JVM (a
      // test, an embedding) would otherwise keep a sleeping thread for the whole --timeout.
      watchdog.interrupt();
      try {
        watchdog.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    current = null;
    return exit;
  }

  private int run(
      Launchable command,
      Deadline deadline,
      RunSettings settings,
      PrintWriter out,
      Renderer errors) {
    try {
      return command.run(deadline, out);
    } catch (UsageException e) {
      return command.refused(problem(command, e), new String[0], errors, out);
    } catch (Exception | LinkageError | StackOverflowError | OutOfMemoryError e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (!(e instanceof RuntimeException) || e.getClass().getName().startsWith("java.")) {
        message = e.getClass().getSimpleName() + ": " + message;
      }
      return errors.renderError(
          command.service(),
          calledName(command) + ": error: " + message,
          settings.verbose() ? stackTrace(e) : List.of("(run with -v for the stack trace)"),
          out);
    }
  }

  /** The contract a run speaks until its options are parsed: Nagios's when it says --nagios. */
  private static Renderer contract(String[] args) {
    return (Arrays.asList(args).contains(MonitorOptions.NAGIOS)
            ? OutputMode.NAGIOS
            : OutputMode.MON)
        .renderer();
  }

  private String problem(Launchable command, UsageException e) {
    String name = calledName(command);
    return name + ": " + e.getMessage() + " (see " + name + " --help)";
  }

  /**
   * One run: its command, the contract it speaks (known once its options are parsed) and how it
   * ends.
   */
  private final class Current {
    final Launchable command;
    final RunEnding ending = new RunEnding(stdout, halt);
    volatile Renderer renderer;

    Current(Launchable command, Renderer renderer) {
      this.command = command;
      this.renderer = renderer;
    }

    void cut(String why, boolean waitForAnswer) {
      String pending = ending.over() ? null : pendingOf(command);
      String reason =
          calledName(command)
              + ": "
              + why
              + (pending == null ? "" : " while waiting for " + pending);
      ending.cut(command, reason, renderer, waitForAnswer);
    }
  }

  private static String pendingOf(Launchable command) {
    try {
      return command.pending();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Ends the run when its deadline passes with the command still running. */
  private static final class Watchdog implements Runnable {
    private final Current run;
    private final Duration timeout;

    Watchdog(Current run, Duration timeout) {
      this.run = run;
      this.timeout = timeout;
    }

    @Override
    public void run() {
      try {
        Thread.sleep(timeout.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      run.cut(
          "timed out after " + Decimals.plain(timeout.toMillis() / 1000.0) + " s (--timeout)",
          false);
    }
  }

  private static List<String> stackTrace(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return new ArrayList<>(Arrays.asList(trace.toString().split("\n")));
  }

  static String nameOf(Object command) {
    return CommandLineParsing.nameOf(command);
  }

  /** The name this run's lines give the executable: the one it was called by, else its own. */
  private String calledName(Object command) {
    return calledAs != null ? calledAs : nameOf(command);
  }
}
