package org.rollcall.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.rollcall.core.cli.Launchable;
import org.rollcall.core.cli.Launcher;

/** A run on its own thread, interrupted by a signal once {@code command} waits on something. */
public final class SignalledRun {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  /** The exit code the launcher halted with, -1 until it did. */
  public final AtomicInteger halted = new AtomicInteger(-1);

  private final Launcher launcher =
      new Launcher(new PrintStream(bytes, true, StandardCharsets.UTF_8), halted::set);
  private final Thread runner;

  public SignalledRun(Launchable command, String... args) {
    runner = new Thread(() -> launcher.execute(command, args), "signalled-run");
    runner.start();
  }

  /**
   * Waits (10 s at most) until {@code command.pending()} holds {@code text}, then sends SIGTERM.
   */
  public String interruptOnce(Launchable command, String text, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (occurrences(command.pending(), text) < count) {
      assertThat(System.nanoTime()).as("pending() never showed " + text).isLessThan(deadline);
      Thread.sleep(5);
    }
    launcher.interrupt("SIGTERM");
    runner.join(15_000);
    assertThat(runner.isAlive()).isFalse();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int occurrences(String in, String text) {
    return in == null ? 0 : in.split(java.util.regex.Pattern.quote(text), -1).length - 1;
  }
}
