package org.rollcall.core.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.rollcall.core.result.OutputMode;
import org.rollcall.core.result.Range;
import org.rollcall.core.result.Renderer;

/**
 * Runs one executable: parses its options (with picocli, unless they are plain arguments), starts its deadline,
 * runs it, and prints everything it says in one write to stdout. The one place that decides exit codes for usage errors (1 in mon's contract, 3 in
 * Nagios's), timeouts and unexpected exceptions, each reported as one readable line (a stack trace only with -v).
 * Nothing is ever written to stderr: mon would merge it into the summary line.
 *
 * <p>The path a plain run takes (this class, ps.monitor's scan, counting, rendering) uses loops and small classes
 * rather than lambdas and streams: the first lambda of a run boots the JDK's method-handle machinery, and streams
 * and regular expressions add more, about 10 ms of JDK 17's start-up even with a class-data archive.
 */
public final class Launcher {
  private final PrintStream stdout;
  private final IntConsumer halt;
  private final Object outputLock = new Object();
  private boolean finished;
  private Integer timeoutCode;
  private Thread watchdog;

  /**
   * @param stdout where the run's output goes, in one write
   * @param halt ends the process when the deadline passes with the command still running
   */
  public Launcher(PrintStream stdout, IntConsumer halt) {
    this.stdout = stdout;
    this.halt = halt;
  }

  /**
   * Runs {@code command} with {@code args}: taken as they are when the command accepts them as plain arguments
   * ({@link Launchable#acceptPlain}), otherwise parsed by picocli.
   */
  public int execute(Launchable command, String... args) {
    return execute(command, true, args);
  }

  /** Runs {@code command}, always parsing {@code args} with picocli (to compare with the plain path). */
  public int executeParsed(Launchable command, String... args) {
    return execute(command, false, args);
  }

  private int execute(Launchable command, boolean plainAllowed, String[] args) {
    StringWriter buffer = new StringWriter();
    PrintWriter out = new PrintWriter(buffer);
    Renderer errors = (Arrays.asList(args).contains("--nagios") ? OutputMode.NAGIOS : OutputMode.MON).renderer();
    int code;
    try {
      boolean plain = plainAllowed && command.acceptPlain(args);
      if (!plain && CommandLineParsing.parse(command, args, out) == CommandLineParsing.Outcome.HELP_PRINTED) {
        code = errors == OutputMode.NAGIOS.renderer() ? 3 : 0;
      } else {
        RunSettings settings = command.settings();
        errors = settings.mode().renderer();
        Deadline deadline = Deadline.after(settings.timeout());
        startWatchdog(command, settings);
        code = run(command, deadline, settings, out, errors);
      }
    } catch (UsageException e) {
      String name = nameOf(command);
      code = errors.renderError(command.service(), name + ": " + e.getMessage() + " (see " + name + " --help)",
          List.of(), out);
    }
    out.flush();
    int exit = emit(buffer.toString(), code);
    if (watchdog != null) {
      // emit() has woken it (or it fired): wait for it to end, so an in-process run leaves no thread behind.
      try {
        watchdog.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return exit;
  }

  private int run(Launchable command, Deadline deadline, RunSettings settings, PrintWriter out, Renderer errors) {
    try {
      return command.run(deadline, out);
    } catch (UsageException e) {
      String name = nameOf(command);
      return errors.renderError(command.service(), name + ": " + e.getMessage() + " (see " + name + " --help)",
          List.of(), out);
    } catch (Exception | LinkageError | StackOverflowError | OutOfMemoryError e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (!(e instanceof RuntimeException) || e.getClass().getName().startsWith("java.")) {
        message = e.getClass().getSimpleName() + ": " + message;
      }
      return errors.renderError(command.service(), nameOf(command) + ": error: " + message,
          settings.verbose() ? stackTrace(e) : List.of("(run with -v for the stack trace)"), out);
    }
  }

  private int emit(String output, int code) {
    synchronized (outputLock) {
      if (timeoutCode != null) {
        return timeoutCode;
      }
      finished = true;
      if (watchdog != null) {
        // A run that ended in time leaves nothing behind: an executable run in a long-lived JVM (a test, an
        // embedding) would otherwise keep a sleeping thread for the whole --timeout.
        watchdog.interrupt();
      }
      byte[] bytes = output.getBytes(StandardCharsets.UTF_8);
      stdout.write(bytes, 0, bytes.length);
      stdout.flush();
      return code;
    }
  }

  private void startWatchdog(Launchable command, RunSettings settings) {
    watchdog = new Thread(new Watchdog(command, settings), "rollcall-deadline");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  /** Ends the run when its deadline passes with the command still running. */
  private final class Watchdog implements Runnable {
    private final Launchable command;
    private final RunSettings settings;

    Watchdog(Launchable command, RunSettings settings) {
      this.command = command;
      this.settings = settings;
    }

    @Override
    public void run() {
      try {
        Thread.sleep(settings.timeout().toMillis());
      } catch (InterruptedException e) {
        return;
      }
      synchronized (outputLock) {
        if (finished) {
          return;
        }
        StringWriter line = new StringWriter();
        PrintWriter out = new PrintWriter(line);
        timeoutCode = settings.mode().renderer().renderError(command.service(),
            nameOf(command) + ": timed out after " + Range.format(settings.timeout().toMillis() / 1000.0)
                + " s (--timeout)", List.of(), out);
        out.flush();
        stdout.print(line);
        stdout.flush();
      }
      halt.accept(timeoutCode);
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
}
