package org.rollcall.core.match;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.text.Ascii;
import org.rollcall.core.text.SafeText;

/**
 * The name a NAME term compares with, as etbemon's ps.monitor defines it: the kernel's comm, except
 * that for a script interpreter the script's basename is the name. The kernel cuts comm to 15
 * bytes; a longer rule name still matches when comm is its 15-byte prefix and argv[0] or the
 * executable has the whole name.
 */
public final class ProcessNames {
  /** TASK_COMM_LEN less the NUL. */
  public static final int COMM_BYTES = 15;

  private ProcessNames() {}

  /**
   * Whether a process with this comm is a script interpreter whose script names it: perl,
   * perl5[.0-9]*, python, python2, python3, python[23].N, pypy, pypy3, lua, lua5.N, luajit,
   * ruby[.0-9]*, php[.0-9]*, node, nodejs, tclsh[.0-9]*, Rscript. Asked for every process and rule,
   * so written out rather than a regular expression.
   */
  public static boolean isInterpreter(String comm) {
    // Most names start with none of the interpreters' letters: decided before hashing the name.
    char first = comm.isEmpty() ? ' ' : comm.charAt(0);
    if (first != 'p'
        && first != 'l'
        && first != 'r'
        && first != 'n'
        && first != 't'
        && first != 'R') {
      return false;
    }
    return switch (comm) {
      case "perl",
          "python",
          "python2",
          "python3",
          "pypy",
          "pypy3",
          "lua",
          "luajit",
          "node",
          "nodejs",
          "Rscript" ->
          true;
      default ->
          versionAfter(comm, "perl5", false)
              || pythonVersion(comm)
              || luaVersion(comm)
              || versionAfter(comm, "ruby", false)
              || versionAfter(comm, "php", false)
              || versionAfter(comm, "tclsh", false);
    };
  }

  /** {@code prefix} followed by dots and digits only (at least one when {@code nonEmpty}). */
  private static boolean versionAfter(String comm, String prefix, boolean nonEmpty) {
    if (!comm.startsWith(prefix) || (nonEmpty && comm.length() == prefix.length())) {
      return false;
    }
    for (int i = prefix.length(); i < comm.length(); i++) {
      char c = comm.charAt(i);
      if (c != '.' && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  /** python2.N or python3.N, N one or more digits. */
  private static boolean pythonVersion(String comm) {
    return (comm.startsWith("python2.") || comm.startsWith("python3."))
        && Ascii.isDigits(comm.substring("python2.".length()), 1, Integer.MAX_VALUE);
  }

  /** lua5.N, N one digit. */
  private static boolean luaVersion(String comm) {
    return comm.length() == "lua5.4".length()
        && comm.startsWith("lua5.")
        && Ascii.isDigits(comm.substring(5), 1, 1);
  }

  /** What the kernel keeps of {@code name} in comm: its first 15 bytes. */
  public static String commOf(String name) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    return bytes.length <= COMM_BYTES ? name : SafeText.decode(Arrays.copyOf(bytes, COMM_BYTES));
  }

  /**
   * The script an interpreter runs: the basename of its first argument that is not an option, or
   * null when it runs none (a REPL, {@code -c}/{@code -e} code).
   */
  public static String scriptName(List<String> args) {
    int script = scriptIndex(args);
    return script >= 0 && script < args.size() ? basename(args.get(script)) : null;
  }

  /**
   * The index of the script argument; -1 when -c or -e gives the code, args.size() when there is
   * none.
   */
  private static int scriptIndex(List<String> args) {
    for (int i = 1; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("-c") || arg.equals("-e") || arg.equals("-E")) {
        return -1;
      }
      if (!arg.startsWith("-") && !arg.isEmpty()) {
        return i;
      }
    }
    return args.size();
  }

  /**
   * The name NAME terms see for {@code process}: the script name for interpreters, otherwise comm.
   */
  public static Field<String> nameOf(ProcessEntry process) {
    String comm = process.comm();
    if (!isInterpreter(comm)) {
      return Field.of(comm);
    }
    Field<java.util.List<String>> args = process.cmdline();
    if (!args.isPresent()) {
      return Field.absent(args.whyAbsent());
    }
    String script = scriptName(args.value());
    // Cut short, a command line with no script yet may hold it further on.
    if (process.cmdlineTruncated() && scriptIndex(args.value()) == args.value().size()) {
      return Field.absent("the script's name is not in the first 8 MiB of the command line");
    }
    return Field.of(script == null ? comm : script);
  }

  public static String basename(String path) {
    int end = path.length();
    while (end > 1 && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(path.lastIndexOf('/', end - 1) + 1, end);
  }
}
