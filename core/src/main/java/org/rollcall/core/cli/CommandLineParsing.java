package org.rollcall.core.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * picocli's side of a run, kept out of {@link Launcher} so a run whose arguments need no parsing
 * never loads picocli: building its command model from the annotations is most of a plain run's
 * start-up.
 */
final class CommandLineParsing {
  private CommandLineParsing() {}

  /** What parsing asked for: run the command, or help or the version was printed instead. */
  enum Outcome {
    RUN,
    HELP_PRINTED
  }

  /**
   * Parses {@code args} into {@code command}; prints the usage or version help to {@code out} when
   * asked, under {@code name} (the name the executable was called by).
   *
   * @throws UsageException for arguments picocli rejects, with its message
   */
  static Outcome parse(Launchable command, String name, String[] args, PrintWriter out) {
    CommandLine commandLine =
        new CommandLine(command)
            .setCommandName(name)
            .setExpandAtFiles(false)
            .setOut(out)
            .setErr(out);
    try {
      commandLine.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw new UsageException(e.getMessage());
    }
    if (commandLine.isUsageHelpRequested()) {
      commandLine.usage(out);
      return Outcome.HELP_PRINTED;
    }
    if (commandLine.isVersionHelpRequested()) {
      commandLine.printVersionHelp(out);
      return Outcome.HELP_PRINTED;
    }
    return Outcome.RUN;
  }

  /**
   * The executable's name from the nearest {@code @Command} up its class hierarchy, else its
   * class's name.
   */
  static String nameOf(Object command) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      CommandLine.Command annotation = type.getAnnotation(CommandLine.Command.class);
      if (annotation != null) {
        return annotation.name();
      }
    }
    return command.getClass().getSimpleName();
  }
}
