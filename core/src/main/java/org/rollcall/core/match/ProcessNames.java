package org.rollcall.core.match;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.text.SafeText;

/**
 * The name a NAME term compares with, as etbemon's ps.monitor defines it: the kernel's comm, except that for a
 * script interpreter the script's basename is the name. The kernel cuts comm to 15 bytes; a longer rule name still
 * matches when comm is its 15-byte prefix and argv[0] or the executable has the whole name.
 */
public final class ProcessNames {
  /** TASK_COMM_LEN less the NUL. */
  public static final int COMM_BYTES = 15;

  private static final Pattern INTERPRETER = Pattern.compile(
      "perl(5[.0-9]*)?|python([23](\\.[0-9]+)?)?|pypy3?|lua(5\\.[0-9])?|luajit|ruby[.0-9]*|php[.0-9]*"
          + "|node|nodejs|tclsh[.0-9]*|Rscript");

  private ProcessNames() {}

  /** The words every alternative of {@link #INTERPRETER} starts with. */
  private static final String[] INTERPRETER_PREFIXES =
      {"perl", "python", "pypy", "lua", "ruby", "php", "node", "tclsh", "Rscript"};

  /** Whether a process with this comm is a script interpreter whose script names it. */
  public static boolean isInterpreter(String comm) {
    // Asked for every process and rule: a prefix test keeps the regular expression to the few candidates.
    for (String prefix : INTERPRETER_PREFIXES) {
      if (comm.startsWith(prefix)) {
        return INTERPRETER.matcher(comm).matches();
      }
    }
    return false;
  }

  /** What the kernel keeps of {@code name} in comm: its first 15 bytes. */
  public static String commOf(String name) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    return bytes.length <= COMM_BYTES ? name : SafeText.decode(Arrays.copyOf(bytes, COMM_BYTES));
  }

  /**
   * The script an interpreter runs: the basename of its first argument that is not an option, or null when it runs
   * none (a REPL, {@code -c}/{@code -e} code).
   */
  public static String scriptName(List<String> args) {
    for (int i = 1; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("-c") || arg.equals("-e") || arg.equals("-E")) {
        return null;
      }
      if (!arg.startsWith("-") && !arg.isEmpty()) {
        return basename(arg);
      }
    }
    return null;
  }

  /** The name NAME terms see for {@code process}: the script name for interpreters, otherwise comm. */
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
