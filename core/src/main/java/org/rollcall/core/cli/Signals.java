package org.rollcall.core.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns every signal that would otherwise end the JVM silently into a run cut short with a line
 * that names it ({@link Launcher#interrupt}): killed by a signal, a monitor would count as a
 * success to mon, and a run ended by the JVM's own SIGTERM handling prints nothing and exits 143,
 * outside Nagios's 0-3.
 *
 * <p>Two signals cannot reach the JVM as themselves when the launcher script runs it: SIGINT, which
 * a shell ignores for the commands it runs in the background, and SIGQUIT, which the JVM keeps for
 * its thread dump. The launcher traps both and forwards them as SIGSTKFLT and SIGPWR, which nothing
 * else sends to a process (the kernel never raises SIGSTKFLT on Linux; init alone is sent SIGPWR);
 * they are reported under their own names here. SIGILL, SIGFPE, SIGSEGV, SIGBUS, SIGTRAP and
 * SIGABRT stay the JVM's (its crash handling), and SIGPIPE and SIGXFSZ are ignored by the JVM (a
 * write then fails instead).
 */
final class Signals {
  /** The signals handled as themselves. */
  private static final String[] OWN = {
    "HUP", "INT", "TERM", "USR1", "USR2", "ALRM", "XCPU", "VTALRM", "PROF", "IO", "SYS"
  };

  /**
   * A signal the launcher forwards, then the one it stands for (the launcher script's traps say the
   * same).
   */
  private static final String[][] FORWARDED = {{"STKFLT", "INT"}, {"PWR", "QUIT"}};

  private Signals() {}

  /**
   * Routes each signal to {@code launcher}; one the JVM does not let a program handle is left as it
   * is.
   */
  static void routeTo(Launcher launcher) {
    for (String name : OWN) {
      route(name, name, launcher);
    }
    for (String[] forwarded : FORWARDED) {
      route(forwarded[0], forwarded[1], launcher);
    }
  }

  private static void route(String signal, String meaning, Launcher launcher) {
    try {
      Signal.handle(new Signal(signal), new Interrupt(launcher, "SIG" + meaning));
    } catch (IllegalArgumentException e) {
      // Taken by the JVM or unknown to this kernel: its default stands.
    }
  }

  /** Cuts the run short with the signal's name. */
  private static final class Interrupt implements SignalHandler {
    private final Launcher launcher;
    private final String name;

    Interrupt(Launcher launcher, String name) {
      this.launcher = launcher;
      this.name = name;
    }

    @Override
    public void handle(Signal signal) {
      launcher.interrupt(name);
    }
  }
}
