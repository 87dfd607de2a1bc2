package org.rollcall.core.match;

import java.util.List;
import org.rollcall.core.proc.Executable;
import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.ProcessEntry;

/**
 * {@code NAME}: the process name (see {@link ProcessNames}). Trusts what any process may set: comm,
 * argv[0] and an interpreter's script argument; use an executable path term to tell a real daemon
 * from an impostor.
 */
final class NameTerm implements Term {
  private final String name;
  private final String comm;
  private final boolean longerThanComm;

  NameTerm(String name) {
    this.name = name;
    this.comm = ProcessNames.commOf(name);
    this.longerThanComm = !comm.equals(name);
  }

  @Override
  public Verdict test(ProcessEntry process) {
    String processComm = process.comm();
    if (ProcessNames.isInterpreter(processComm)) {
      Field<String> scriptOrComm = ProcessNames.nameOf(process);
      if (!scriptOrComm.isPresent()) {
        return Verdict.unknown(scriptOrComm.whyAbsent());
      }
      if (!scriptOrComm.value().equals(processComm)) {
        return Verdict.of(scriptOrComm.value().equals(name));
      }
    }
    if (!longerThanComm) {
      return Verdict.of(processComm.equals(name));
    }
    if (!processComm.equals(comm)) {
      return Verdict.NO;
    }
    return fullName(process);
  }

  /** comm holds only the first 15 bytes: argv[0] or the executable must carry the rest. */
  private Verdict fullName(ProcessEntry process) {
    Field<List<String>> args = process.cmdline();
    if (args.isPresent()
        && !args.value().isEmpty()
        && ProcessNames.basename(args.value().get(0)).equals(name)) {
      return Verdict.YES;
    }
    Field<Executable> exe = process.exe();
    if (exe.isPresent()) {
      return Verdict.of(exe.value().basename().equals(name));
    }
    return args.isPresent() ? Verdict.NO : Verdict.unknown(args.whyAbsent());
  }

  @Override
  public int cost() {
    return 0;
  }

  @Override
  public String text() {
    return name;
  }
}
