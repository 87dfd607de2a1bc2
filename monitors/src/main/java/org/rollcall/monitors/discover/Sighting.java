package org.rollcall.monitors.discover;

import org.rollcall.core.match.ProcessNames;
import org.rollcall.core.proc.ControlGroup;
import org.rollcall.core.proc.Credentials;
import org.rollcall.core.proc.Executable;
import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.ProcStat;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.proc.SecurityLabel;

/**
 * One process as discovery sees it, read once: what a rule could name it by, and what decides its
 * role. A field that could not be read is null, with the first reason kept in {@code unreadable}.
 *
 * @param name the name NAME terms see (a script's for interpreters), or null
 * @param exe the executable's path, or null: unreadable, or not read for a process that can be
 *     neither daemon nor worker nor in a user's session (no rule names its binary)
 * @param exeHere whether that path leads to the same file here (false for a container's binary, and
 *     for a process that can be neither daemon nor worker, which is not asked)
 * @param uid the effective UID, or -1
 * @param cgroup the cgroup path, or null
 * @param unit the systemd unit, or null
 * @param context the SELinux type, or null (no SELinux label)
 * @param ageSeconds seconds since it started, or -1
 * @param unreadable why a field needed for a rule could not be read, or null
 */
record Sighting(
    int pid,
    int ppid,
    boolean kernelThread,
    String name,
    String exe,
    boolean exeHere,
    int uid,
    String cgroup,
    String unit,
    String context,
    double ageSeconds,
    String unreadable) {

  /**
   * Reads {@code process}; may throw ProcessGoneException. The binary, whether it is the file here,
   * and the label, are read only for a process that may be a daemon or a worker (init's child, or
   * in a service); the binary also for a user's session (a no-stray rule excuses a session only
   * when it runs the daemon's binary). The others need none of them, and they are most of a busy
   * machine's processes.
   */
  static Sighting of(ProcessEntry process) {
    ProcStat stat = process.stat();
    Field<String> name = ProcessNames.nameOf(process);
    Field<Credentials> ids = process.credentials();
    Field<ControlGroup> group = process.cgroup();
    Field<Double> age = process.ageSeconds();
    String cgroup = group.isPresent() ? group.value().path() : null;
    String unit = group.isPresent() ? group.value().unit() : null;
    boolean candidate = stat.ppid() == 1 || (unit != null && unit.endsWith(".service"));
    boolean exeNeeded = candidate || inSession(cgroup, unit);
    Field<Executable> exe = exeNeeded ? process.exe() : Field.absent("not read");
    Field<SecurityLabel> label = candidate ? process.label() : Field.absent("not read");
    boolean here = candidate && exe.isPresent() && isHere(process, exe.value().path());
    String unreadable =
        firstReason(name.whyAbsent(), stat.isKernelThread() || !exeNeeded ? null : exe.whyAbsent());
    return new Sighting(
        process.pid(),
        stat.ppid(),
        stat.isKernelThread(),
        name.isPresent() ? name.value() : null,
        exe.isPresent() ? exe.value().path() : null,
        here,
        ids.isPresent() ? ids.value().effectiveUid() : -1,
        cgroup,
        unit,
        label.isPresent() && label.value().isSelinux() ? label.value().type() : null,
        age.isPresent() ? age.value() : -1,
        firstReason(unreadable, ids.whyAbsent()));
  }

  /** A login session's scope, or a user's own service manager and its services. */
  static boolean inSession(String cgroup, String unit) {
    return cgroup != null
        && (cgroup.startsWith("/user.slice/") || (unit != null && unit.startsWith("session-")));
  }

  private static boolean isHere(ProcessEntry process, String path) {
    Field<Boolean> same = process.exeIsFileAt(path);
    return same.isPresent() && same.value();
  }

  private static String firstReason(String first, String second) {
    return first != null ? first : second;
  }

  /** A system service unit a rule may name: not a user's manager, not a transient run-*. */
  boolean inSystemService() {
    return unit != null
        && unit.endsWith(".service")
        && !unit.startsWith("user@")
        && !unit.startsWith("run-");
  }

  /** The directory of the executable, with its last slash. */
  String exeDirectory() {
    return exe.substring(0, exe.lastIndexOf('/') + 1);
  }

  /** A short account for a comment line: pid, exe, user, unit. */
  String describe(String user) {
    return "pid "
        + pid
        + ", exe "
        + (exe == null ? "unreadable" : exe)
        + (uid < 0 ? "" : ", user " + user)
        + (unit == null ? "" : ", unit " + unit);
  }
}
