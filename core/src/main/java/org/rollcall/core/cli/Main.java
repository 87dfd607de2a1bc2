package org.rollcall.core.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The entry point of every rollcall executable: {@code Main NAME ARGS...}, where NAME is the
 * executable's name ({@code ps.monitor}). The class implementing NAME, and the arguments it takes
 * without picocli, are listed in the resource {@code META-INF/rollcall/NAME} ({@link
 * Registration}), so one lookup finds it without loading the others. The only class that ends the
 * JVM.
 *
 * <p>It ends it with {@code Runtime.halt} once stdout is flushed: {@code System.exit} would run
 * shutdown hooks (rollcall has none) and, from JDK 21 on, start the JDK's logging framework to log
 * the exit (bench/README.md).
 */
public final class Main {
  /**
   * {@code rollcall.class.NAME}: the class the registry names for NAME, which the launcher passes
   * from a list the build wrote, sparing each run the resource search (the JDK's module image, then
   * a jar URL).
   */
  static final String CLASS_PROPERTY = "rollcall.class.";

  /**
   * {@code rollcall.plain.NAME}: the plain shape the registry declares for NAME, passed with the
   * class.
   */
  static final String PLAIN_PROPERTY = "rollcall.plain.";

  /**
   * {@code rollcall.called-as=NAME}: the name the launcher script was called by when it is not the
   * executable's own, a Nagios plugin name ({@code check_rollcall_ps} runs {@code ps.monitor
   * --nagios}); help and error lines then name it.
   */
  static final String CALLED_AS_PROPERTY = "rollcall.called-as";

  private Main() {}

  public static void main(String[] args) {
    PrintStream stdout = System.out;
    // Libraries (or the JVM) writing to System.err would land on mon's summary line: nothing of
    // theirs reaches stdout or stderr, and nothing is kept (a buffer would grow for the whole run).
    // What rollcall says goes through the renderers to stdout.
    System.setErr(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
    Launcher launcher = new Launcher(stdout, new Halt(), System.getProperty(CALLED_AS_PROPERTY));
    Signals.routeTo(launcher);
    if (args.length == 0) {
      stdout.println("usage: rollcall EXECUTABLE [ARGS...], e.g. ps.monitor sshd:1-");
      exit(stdout, 1);
    }
    Registration registration;
    Launchable command;
    try {
      String known = System.getProperty(CLASS_PROPERTY + args[0]);
      registration =
          known != null
              ? Registration.given(known, System.getProperty(PLAIN_PROPERTY + args[0]))
              : Registration.lookUp(args[0]);
      command = registration.instantiate();
    } catch (ReflectiveOperationException | IOException | RuntimeException e) {
      stdout.println(args[0] + ": no such rollcall executable (" + e.getMessage() + ")");
      exit(stdout, 1);
      return;
    }
    exit(
        stdout,
        launcher.execute(command, registration.plain(), Arrays.copyOfRange(args, 1, args.length)));
  }

  private static void exit(PrintStream stdout, int code) {
    stdout.flush();
    Runtime.getRuntime().halt(code);
  }

  /** Ends the JVM at once. */
  private static final class Halt implements IntConsumer {
    @Override
    public void accept(int code) {
      Runtime.getRuntime().halt(code);
    }
  }

  /** A new instance of the executable registered as {@code name} (see {@link Registration}). */
  public static Launchable lookUp(String name) throws ReflectiveOperationException, IOException {
    return Registration.lookUp(name).instantiate();
  }
}
