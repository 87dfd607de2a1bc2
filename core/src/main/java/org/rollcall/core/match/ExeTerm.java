package org.rollcall.core.match;

import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.Executable;
import org.rollcall.core.proc.ProcessEntry;

/**
 * {@code /ABSOLUTE/PATH}: the executable the kernel started, from {@code /proc/PID/exe}; argv[0] and comm are not
 * consulted, so a process cannot satisfy it by naming itself. A binary replaced since the process started it
 * ({@code " (deleted)"}) still matches its path: it is the same daemon awaiting a restart.
 */
final class ExeTerm implements Term {
  private final String path;

  ExeTerm(String path) {
    this.path = path;
  }

  @Override
  public Verdict test(ProcessEntry process) {
    if (process.stat().isKernelThread()) {
      return Verdict.NO;
    }
    Field<Executable> exe = process.exe();
    if (!exe.isPresent()) {
      return process.stat().isZombie() ? Verdict.NO : Verdict.unknown(exe.whyAbsent());
    }
    return Verdict.of(exe.value().path().equals(path));
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
