package org.rollcall.core.match;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rollcall.core.ids.UserDirectory;
import org.rollcall.core.proc.ControlGroup;
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
            + process.cmdline().map(CommandLineText::quoteArgs)
            + (process.cmdlineTruncated() ? " ... (" + ArgsTerm.CUT + ")" : ""));
    lines.add(CredentialsText.credentials(process.credentials(), users));
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
}
