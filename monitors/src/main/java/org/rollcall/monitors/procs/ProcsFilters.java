package org.rollcall.monitors.procs;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.rollcall.core.cli.PlainArguments;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.ids.UserDirectory;
import org.rollcall.core.text.Ascii;
import org.rollcall.core.text.Decimals;
import picocli.CommandLine.Option;

/**
 * check_procs' filters (a picocli mixin), each read as a ps.monitor term: the processes they keep
 * are those one MATCH counts, so both executables decide names, users and states alike.
 */
final class ProcsFilters {
  @Option(
      names = {"-s", "--state"},
      paramLabel = "STATES",
      description = "Only processes in one of these states (R S D Z T t X I), e.g. DZ.")
  String states;

  @Option(
      names = {"-p", "--ppid"},
      paramLabel = "PPID",
      description = "Only children of the process PPID.")
  Integer ppid;

  @Option(
      names = {"-u", "--user"},
      paramLabel = "USER",
      description = "Only processes whose effective user is USER (a name or a UID).")
  String user;

  @Option(
      names = {"-r", "--rss"},
      paramLabel = "RSS",
      description = "Only processes with a resident size of at least RSS KiB.")
  Integer rss;

  @Option(
      names = {"-z", "--vsz"},
      paramLabel = "VSZ",
      description = "Only processes with a virtual size of at least VSZ KiB.")
  Integer vsz;

  @Option(
      names = {"-P", "--pcpu"},
      paramLabel = "PCPU",
      description = "Only processes with a lifetime CPU average of at least PCPU percent.")
  Double pcpu;

  @Option(
      names = {"-a", "--argument-array"},
      paramLabel = "STRING",
      description = "Only processes whose command line contains STRING.")
  String args;

  @Option(
      names = "--ereg-argument-array",
      paramLabel = "REGEX",
      description = "Only processes whose command line contains a match of REGEX (Java syntax).")
  String regex;

  @Option(
      names = {"-C", "--command"},
      paramLabel = "COMMAND",
      description =
          "Only processes named COMMAND, as ps.monitor names them: longer than 15 bytes"
              + " too, and a script's name for interpreters.")
  String command;

  @Option(
      names = {"-X", "--exclude-process"},
      paramLabel = "NAMES",
      description = "Leave out processes with one of these names (separated by commas).")
  String exclude;

  @Option(
      names = {"-k", "--no-kthreads"},
      description = "Leave out kernel threads (kthreadd included).")
  boolean noKernelThreads;

  /** Sets what picocli would from a plain run's options (procs.monitor's registry entry). */
  void takePlain(PlainArguments given) {
    states = given.value("--state");
    ppid = count(given.value("--ppid"));
    user = given.value("--user");
    rss = count(given.value("--rss"));
    vsz = count(given.value("--vsz"));
    String percent = given.value("--pcpu");
    pcpu = percent == null ? null : Double.valueOf(percent);
    args = given.value("--argument-array");
    regex = given.value("--ereg-argument-array");
    command = given.value("--command");
    exclude = given.value("--exclude-process");
    noKernelThreads = given.given("--no-kthreads");
  }

  private static Integer count(String digits) {
    return digits == null ? null : Integer.valueOf(digits);
  }

  /**
   * The MATCH the filters make. Without one that selects (only -k and -X, or none) it starts with
   * {@code *}, every process, zombies included, as check_procs' total; any other leaves zombies
   * out, since they run nothing, unless -s names Z.
   */
  String match() {
    List<String> terms = new ArrayList<>();
    add(terms, states, "state=" + states);
    add(terms, ppid, "ppid=" + ppid);
    add(terms, user, "user=" + escaped(user));
    add(terms, rss, "!rss<" + rss);
    add(terms, vsz, "!vsz<" + vsz);
    add(terms, pcpu, "!cpu<" + (pcpu == null ? "" : Decimals.plain(pcpu)));
    add(terms, args, "args=" + escaped(quoted(args)));
    add(terms, regex, "args=" + escaped(checked(regex)));
    add(terms, command, "name=" + escaped(command));
    if (terms.isEmpty()) {
      terms.add("*");
    }
    if (exclude != null) {
      for (String name : exclude.split(",")) {
        add(terms, name.isEmpty() ? null : name, "!name=" + escaped(name));
      }
    }
    if (noKernelThreads) {
      terms.add("kthread=no");
    }
    return String.join(",", terms);
  }

  /**
   * check_procs' words for the filters, after "with" on the status line ({@code command name
   * 'sshd', UID = 0 (root)}), empty for none.
   */
  String description(UserDirectory users) {
    StringJoiner text = new StringJoiner(", ");
    add(text, states, "STATE = " + states);
    add(text, ppid, "PPID = " + ppid);
    add(text, user, user == null ? "" : userText(users));
    add(text, rss, "RSS >= " + rss);
    add(text, vsz, "VSZ >= " + vsz);
    add(text, pcpu, "PCPU >= " + (pcpu == null ? "" : Decimals.fixed(pcpu, 2)));
    add(text, args, "args '" + args + "'");
    add(text, regex, "regex args '" + (regex == null ? "" : regex.replace('|', ',')) + "'");
    add(text, command, "command name '" + command + "'");
    add(text, exclude, "exclude progs '" + exclude + "'");
    return text.toString();
  }

  private static void add(List<String> terms, Object option, String term) {
    if (option != null) {
      terms.add(term);
    }
  }

  private static void add(StringJoiner text, Object option, String words) {
    if (option != null) {
      text.add(words);
    }
  }

  /** {@code UID = 0 (root)}, with the name or the UID the system does not know. */
  private String userText(UserDirectory users) {
    if (Ascii.isDigits(user, 1, 10)) {
      int uid = Integer.parseUnsignedInt(user);
      return "UID = " + user + " (" + users.userName(uid).orElse("no name") + ")";
    }
    OptionalInt uid = users.uid(user);
    return "UID = " + (uid.isPresent() ? uid.getAsInt() : "?") + " (" + user + ")";
  }

  /**
   * {@code text} as a regular expression that matches it literally; only when given, so a run
   * without -a never loads java.util.regex.
   */
  private static String quoted(String text) {
    return text == null ? "" : Pattern.quote(text);
  }

  /** A comma in a value is written {@code \,} in a MATCH. */
  private static String escaped(String value) {
    return value == null ? "" : value.replace(",", "\\,");
  }

  /**
   * The regular expression, refused when it does not compile or uses a POSIX class ({@code
   * [[:digit:]]}), which Java would read as a set of letters and so match the wrong processes.
   */
  private static String checked(String regex) {
    if (regex == null) {
      return "";
    }
    if (regex.contains("[:") && regex.contains(":]")) {
      throw new UsageException(
          "--ereg-argument-array '"
              + regex
              + "' uses a POSIX class such as [:digit:], which Java reads as a set of"
              + " characters: write [0-9] for [[:digit:]], [a-zA-Z] for [[:alpha:]]");
    }
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new UsageException(
          "--ereg-argument-array '"
              + regex
              + "' is not a regular expression: "
              + e.getDescription());
    }
    return regex;
  }
}
