package org.rollcall.alerts;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.cli.Launchable;
import org.rollcall.core.cli.RunSettings;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.process.CappedReader;
import org.rollcall.core.result.Renderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

/**
 * What every alert does around its delivery: reads mon's flags, stdin and MON_* variables into an
 * {@link Alert}, asks the subclass for a {@link Delivery}, and sends it through {@link
 * ReliableSender}. A configuration error found at run time (a bad recipient, an unreadable secret)
 * still saves the alert in the fallback file: mon would drop it otherwise. So does a command line
 * that cannot be parsed ({@link #refused}) and a run cut short by its deadline or a signal ({@link
 * #cutShort}).
 */
public abstract class AbstractAlert implements Launchable {
  /** How long stdin may take to reach its end, at most. */
  private static final Duration STDIN_LIMIT = Duration.ofSeconds(5);

  /** How long a refused or cut-short run waits for stdin: it must answer quickly. */
  private static final Duration QUICK_STDIN_LIMIT = Duration.ofMillis(500);

  @Mixin AlertOptions options = new AlertOptions();

  /**
   * Options a newer mon might pass that this alert does not know: accepted, as Perl's getopts does.
   */
  @Unmatched List<String> unmatched = new ArrayList<>();

  InputStream stdin = System.in;
  protected Map<String, String> env = System.getenv();

  /**
   * The run's stdin being read, its alert once built, and its sender: what a cut-short run saves.
   */
  private volatile CappedReader stdinReader;

  private volatile Alert alert;
  private ReliableSender sender;

  @Override
  public String service() {
    return "ALERT";
  }

  @Override
  public RunSettings settings() {
    return options.settings();
  }

  /** The word stdout uses for a delivered alert: "sent", or "handled" for an alert that acts. */
  protected String doneVerb() {
    return "sent";
  }

  /**
   * The delivery for this alert, or a {@link UsageException} saying what in its configuration is
   * wrong.
   */
  protected abstract Delivery delivery(Alert alert);

  @Override
  public final int run(Deadline deadline, PrintWriter out) throws InterruptedException {
    ReliableSender sender = sender(out);
    Duration stdinLimit = deadline.remaining().dividedBy(4);
    MonitorOutput input =
        readStdin(stdinLimit.compareTo(STDIN_LIMIT) < 0 ? stdinLimit : STDIN_LIMIT);
    Alert alert = Alert.of(options, input, env, Instant.now());
    this.alert = alert;
    Delivery delivery;
    try {
      delivery = delivery(alert);
    } catch (UsageException | IllegalArgumentException e) {
      return sender.fallBack(alert, "cannot deliver: " + e.getMessage());
    } catch (RuntimeException | LinkageError e) {
      return sender.fallBack(alert, "cannot deliver: internal error: " + e);
    }
    return sender.send(alert, delivery, deadline);
  }

  /**
   * Saves the alert mon gave with the reason the command line cannot be used: mon would lose it
   * otherwise.
   */
  @Override
  public int refused(String problem, String[] args, Renderer renderer, PrintWriter out) {
    RefusedCommandLine refused = new RefusedCommandLine(args, env);
    MonitorOutput input = readStdin(QUICK_STDIN_LIMIT);
    ReliableSender saver =
        new ReliableSender(name(), new Fallback(name(), refused.fallback()), doneVerb(), out);
    return saver.fallBack(
        refused.alert(input, Instant.now()), withoutName(problem) + "; " + refused.given());
  }

  /**
   * Saves the alert of a run cut short, unless the run settles it first: built from what stdin held
   * so far when the run had not yet read it to its end.
   */
  @Override
  public int cutShort(String reason, Renderer renderer, PrintWriter out) {
    Alert current = alert;
    if (current == null) {
      CappedReader reader = stdinReader();
      MonitorOutput input = reader == null ? MonitorOutput.NONE : heldBy(reader);
      current = Alert.of(options, input, env, Instant.now());
    }
    try {
      return sender(out).cutShort(current, withoutName(reason), out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ReliableSender.FELL_BACK;
    }
  }

  @Override
  public String pending() {
    if (alert != null) {
      ReliableSender current = senderIfAny();
      return current == null ? null : current.pending();
    }
    return stdinReader != null ? "the end of stdin" : null;
  }

  /**
   * What the run's stdin holds once the reader had a moment to take what is already written: a
   * signal can come between the reader's start and its first read, and the alert must not be saved
   * empty then. Waits on whatever interrupt the cutting thread carries.
   */
  private static MonitorOutput heldBy(CappedReader reader) {
    boolean ended = reader.awaitEndUninterruptibly(QUICK_STDIN_LIMIT);
    return MonitorOutput.of(reader.bytes(), !ended || reader.overflowed());
  }

  /** What stdin holds at its end, or once {@code limit} has passed: nothing on a terminal. */
  MonitorOutput readStdin(Duration limit) {
    CappedReader reader = stdinReader();
    if (reader == null) {
      return MonitorOutput.NONE;
    }
    boolean ended;
    try {
      ended = reader.awaitEnd(limit);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ended = false;
    }
    return MonitorOutput.of(reader.bytes(), !ended || reader.overflowed());
  }

  /**
   * The one reader of this run's stdin, started by whichever comes first: the run, or a cut that
   * comes before the run reads (two readers would split stdin's bytes between them, and the cut's
   * could save the alert empty); null on a terminal, which is not read.
   */
  synchronized CappedReader stdinReader() {
    if (stdinReader == null && System.console() == null) {
      stdinReader = CappedReader.start(stdin, MonitorOutput.MAX_BYTES, "rollcall-stdin");
    }
    return stdinReader;
  }

  /** The one sender of this run, made by whichever comes first: the run, or a cut. */
  private synchronized ReliableSender sender(PrintWriter out) {
    if (sender == null) {
      sender =
          new ReliableSender(
              name(),
              new Fallback(name(), Fallback.choose(options.fallback, env)),
              doneVerb(),
              out);
    }
    return sender;
  }

  private synchronized ReliableSender senderIfAny() {
    return sender;
  }

  /**
   * {@code text} without the "file.alert: " the launcher starts it with; the alert's own line names
   * it.
   */
  private String withoutName(String text) {
    String prefix = name() + ": ";
    return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
  }

  /** The executable's name, from its {@code @Command}. */
  final String name() {
    return getClass().getAnnotation(Command.class).name();
  }
}
