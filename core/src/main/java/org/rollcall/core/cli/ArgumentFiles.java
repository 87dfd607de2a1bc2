package org.rollcall.core.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rollcall.core.files.FileTrust;
import org.rollcall.core.text.FileText;

/**
 * Argument files: an argument {@code @FILE} stands for the arguments FILE holds, one a line, so a
 * rule list can live in a file where a command line cannot grow (NRPE without arguments, a long
 * list in mon.cf). The arguments of a file are its lines as written up to the line feed (no
 * quoting, no trimming: {@code --expect} then {@code ^220 } keeps its space); a line that is blank
 * or whose first character that is not blank is {@code #} is skipped. {@code @@X} is the argument
 * {@code @X}, on the command line and in a file. A file never names another: a line {@code @X} is
 * refused, so what a run does is decided by the one file its command line names. An argument that
 * is a Nagios range ({@code @} then only digits and {@code . : ~ - +}, as in {@code -c @2:5}) is
 * the range: check_procs' command lines hold them, and no one names a rule file "2:5".
 *
 * <p>picocli's own @-files are not used: a missing or unreadable file becomes a literal argument
 * there (an outage hidden as "'@/etc/x' is not a rule"), its files split at whitespace with quotes,
 * nest, and work only on the path that loads picocli.
 *
 * <p>Who may write the file decides what the run checks, as the config naming it does: it must be a
 * regular file (not a link, and with one name) owned by root or the running user, writable by
 * neither group nor others, in directories that no one else could swap it in ({@link FileTrust}).
 * Anything else is a {@link UsageException} of one line naming the file.
 */
public final class ArgumentFiles {
  /** More than any command line holds (the kernel takes at most 2 MiB of arguments). */
  static final int MAX_BYTES = 2 * 1024 * 1024;

  private ArgumentFiles() {}

  /**
   * {@code args} with each {@code @FILE} replaced by its arguments and each {@code @@X} by
   * {@code @X}; {@code args} itself when none starts with {@code @}.
   *
   * @throws UsageException when a file is missing, unreadable, not a regular file, not trusted, too
   *     large, or names another
   */
  public static String[] expand(String[] args) {
    if (!anyStartsWithAt(args)) {
      return args;
    }
    List<String> expanded = new ArrayList<>(args.length);
    for (String arg : args) {
      if (arg.startsWith("@@")) {
        expanded.add(arg.substring(1));
      } else if (arg.startsWith("@") && !isRange(arg.substring(1))) {
        expanded.addAll(arguments(arg.substring(1), read(arg.substring(1))));
      } else {
        expanded.add(arg);
      }
    }
    return expanded.toArray(new String[0]);
  }

  /** Whether the text after an {@code @} is a range's ({@code 2:5}, {@code ~:10}, {@code 60}). */
  static boolean isRange(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if ("0123456789.:~-+".indexOf(text.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The arguments {@code text}, the content of argument file {@code name}, holds. */
  static List<String> arguments(String name, String text) {
    List<String> arguments = new ArrayList<>();
    int number = 0;
    for (int start = 0; start < text.length(); ) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(start, end);
      start = end + 1;
      number++;
      int first = firstNotBlank(line);
      if (first == line.length() || line.charAt(first) == '#') {
        continue;
      }
      if (line.startsWith("@@")) {
        arguments.add(line.substring(1));
      } else if (line.startsWith("@")) {
        throw new UsageException(
            "argument file "
                + name
                + " line "
                + number
                + " names another argument file ("
                + line
                + "); they do not nest (write @@ for an argument that starts with @)");
      } else {
        arguments.add(line);
      }
    }
    return arguments;
  }

  private static String read(String name) {
    if (name.isEmpty()) {
      throw new UsageException("an argument @ names no file (write @FILE, or @@ for a literal @)");
    }
    Path file = Path.of(name);
    try {
      if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new UsageException("argument file " + name + " is a directory");
      }
      Object key = FileTrust.key(file);
      if (key == null) {
        throw new UsageException("argument file " + name + " does not exist");
      }
      refuseIf(name, FileTrust.problem(file, FileTrust.Policy.CONFIGURATION));
      refuseIf(name, FileTrust.ancestorProblem(file));
      if (Files.size(file) > MAX_BYTES) {
        throw new UsageException(
            "argument file " + name + " is larger than " + MAX_BYTES + " bytes");
      }
      String text = FileText.read(file, StandardCharsets.UTF_8);
      refuseIf(name, FileTrust.afterOpening(file, key, FileTrust.Policy.CONFIGURATION));
      return text;
    } catch (IOException e) {
      throw new UsageException("cannot read argument file " + name + ": " + reason(e));
    }
  }

  private static void refuseIf(String name, String problem) {
    if (problem != null) {
      throw new UsageException("refusing argument file " + name + ": " + problem);
    }
  }

  /** The system's reason, without the path Java puts before it. */
  private static String reason(IOException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int paren = message.lastIndexOf(" (");
    return paren >= 0 && message.endsWith(")")
        ? message.substring(paren + 2, message.length() - 1)
        : message;
  }

  private static boolean anyStartsWithAt(String[] args) {
    for (String arg : args) {
      if (arg.startsWith("@")) {
        return true;
      }
    }
    return false;
  }

  /** The index of the first character that is neither a space nor a tab, CR, FF or VT. */
  private static int firstNotBlank(String line) {
    int i = 0;
    while (i < line.length() && " \t\r\f\u000B".indexOf(line.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }
}
