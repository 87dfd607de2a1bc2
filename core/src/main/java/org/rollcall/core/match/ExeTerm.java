package org.rollcall.core.match;

import org.rollcall.core.proc.Executable;
import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.ProcessEntry;

/**
 * {@code /ABSOLUTE/PATH}: the executable the kernel started, from {@code /proc/PID/exe}; argv[0]
 * and comm are not consulted, so a process cannot satisfy it by naming itself. The link shows the
 * path in the process's own mount namespace, so the file is checked too: a container's binary or
 * one bind-mounted over the path in a user namespace does not match. A binary replaced since the
 * process started it ({@code " (deleted)"}) still matches its path when that path leads to the same
 * place in both namespaces: it is the same daemon awaiting a restart.
 */
final class ExeTerm implements Term {
  private final String path;

  ExeTerm(String path) {
    this.path = path;
  }

  @Override
  public Verdict test(ProcessEntry process) {
    Field<Executable> exe = process.exe();
    if (!exe.isPresent()) {
      return process.runsNoExecutable() ? Verdict.NO : Verdict.unknown(exe.whyAbsent());
    }
    if (!exe.value().path().equals(path)) {
      return Verdict.NO;
    }
    Field<Boolean> same = process.exeIsFileAt(path);
    if (!same.isPresent()) {
      return Verdict.unknown(same.whyAbsent());
    }
    return Verdict.of(same.value());
  }

  @Override
  public int cost() {
    return 3;
  }

  @Override
  public String text() {
    return path;
  }
}
