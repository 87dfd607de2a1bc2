package org.rollcall.core.match;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rollcall.core.ids.UserDirectory;
import org.rollcall.core.proc.ControlGroup;
import org.rollcall.core.proc.Credentials;
import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.ProcClock;
import org.rollcall.core.proc.ProcStat;
import org.rollcall.core.proc.ProcessEntry;

/**
 * Everything rollcall sees of one process, one field a line, for {@code --explain} and for detail
 * lines that must say exactly which process is meant. Fields that cannot be read say why. Lines are
 * unescaped: renderers and printers escape them.
 */
public final class ProcessDescription {
  private ProcessDescription() {}

  /**
   * The lines for {@code process}; {@code bootTime} (see {@link ProcClock#bootTime}) dates its
   * start.
   */
  public static List<String> lines(
      ProcessEntry process, UserDirectory users, Field<Long> bootTime) {
    ProcStat stat = process.stat();
    List<String> lines = new ArrayList<>();
    lines.add(
        "pid "
            + stat.pid()
            + ", parent "
            + stat.ppid()
            + ", state "
            + stat.state()
            + (stat.isKernelThread() ? " (kernel thread)" : "")
            + (stat.isZombie() ? " (zombie: not counted)" : ""));
    lines.add("comm: " + stat.comm());
    lines.add(
        "name: "
            + ProcessNames.nameOf(process)
            + (ProcessNames.isInterpreter(stat.comm())
                ? " (script of interpreter " + stat.comm() + ")"
                : ""));
    lines.add("exe: " + process.exe());
    lines.add(
        "args: "
            + process.cmdline().map(ProcessDescription::quoteArgs)
            + (process.cmdlineTruncated() ? " ... (" + ArgsTerm.CUT + ")" : ""));
    lines.add(credentials(process.credentials(), users));
    lines.add("label: " + process.label());
    lines.add("memory: " + Quantity.RSS.describe(process) + ", " + Quantity.VSZ.describe(process));
    lines.add(Quantity.THREADS.describe(process) + ", " + Quantity.FDS.describe(process));
    lines.add(
        Quantity.AGE.describe(process)
            + startedAt(process, bootTime)
            + ", "
            + Quantity.CPU.describe(process));
    Field<ControlGroup> group = process.cgroup();
    lines.add("cgroup: " + (group.isPresent() ? cgroup(group.value()) : group.toString()));
    return lines;
  }

  private static String cgroup(ControlGroup group) {
    return group.path() + (group.unit() == null ? ", in no unit" : ", unit " + group.unit());
  }

  /** " (started 2026-12-07 09:13:02)" in local time, or nothing without a boot time. */
  private static String startedAt(ProcessEntry process, Field<Long> bootTime) {
    if (!bootTime.isPresent()) {
      return " (start time unknown: " + bootTime.whyAbsent() + ")";
    }
    long started = bootTime.value() + process.stat().starttime() / ProcClock.TICKS_PER_SECOND;
    return " (started "
        + Started.FORMAT.format(Instant.ofEpochSecond(started).atZone(ZoneId.systemDefault()))
        + ")";
  }

  /**
   * Loaded with its first use, by --explain alone: java.time's formatting spins lambdas, which the
   * detail lines of a plain run (this class's other methods) must not pay for.
   */
  private static final class Started {
    static final DateTimeFormatter FORMAT =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  }

  /**
   * One line with the real/effective/saved/filesystem UIDs and GIDs and the supplementary groups,
   * named.
   */
  public static String credentials(Field<Credentials> field, UserDirectory users) {
    if (!field.isPresent()) {
      return "ids: (" + field.whyAbsent() + ")";
    }
    Credentials c = field.value();
    return "uid r/e/s/fs "
        + ids(c.uids(), users, true)
        + ", gid r/e/s/fs "
        + ids(c.gids(), users, false)
        + ", groups "
        + (c.groups().length == 0 ? "none" : ids(c.groups(), users, false));
  }

  private static String ids(int[] ids, UserDirectory users, boolean userIds) {
    StringBuilder out = new StringBuilder();
    for (int id : ids) {
      out.append(out.length() == 0 ? "" : "/").append(Integer.toUnsignedString(id));
      Optional<String> name = userIds ? users.userName(id) : users.groupName(id);
      if (name.isPresent()) {
        out.append('(').append(name.get()).append(')');
      }
    }
    return out.toString();
  }

  /** Longest command line a detail line shows; --explain shows it whole. */
  public static final int SHORT_ARGS_CHARS = 1000;

  /** {@link #shortArgs(List)} of the arguments, or why they could not be read, in parentheses. */
  public static String shortArgs(Field<List<String>> args) {
    return args.isPresent() ? shortArgs(args.value()) : args.toString();
  }

  /**
   * {@link #quoteArgs}, cut after {@link #SHORT_ARGS_CHARS} characters with how many more there
   * were.
   */
  public static String shortArgs(List<String> args) {
    String all = quoteArgs(args);
    return all.length() <= SHORT_ARGS_CHARS
        ? all
        : all.substring(0, SHORT_ARGS_CHARS)
            + "... ("
            + (all.length() - SHORT_ARGS_CHARS)
            + " more characters)";
  }

  /**
   * Arguments separated by spaces, each one with a space or nothing in it shown in single quotes.
   */
  public static String quoteArgs(List<String> args) {
    if (args.isEmpty()) {
      return "(none)";
    }
    StringBuilder out = new StringBuilder();
    for (String arg : args) {
      out.append(out.length() == 0 ? "" : " ");
      out.append(
          arg.isEmpty() || arg.indexOf(' ') >= 0 || arg.indexOf('\'') >= 0
              ? "'" + arg.replace("'", "'\\''") + "'"
              : arg);
    }
    return out.toString();
  }
}
