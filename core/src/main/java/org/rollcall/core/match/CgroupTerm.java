package org.rollcall.core.match;

import org.rollcall.core.proc.ControlGroup;
import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.text.Glob;

/**
 * {@code unit=GLOB} (the systemd unit, see {@link ControlGroup}) or {@code cgroup=GLOB} (the whole
 * cgroup path), {@code *} matching any run of characters. Only root and systemd place processes in
 * a system unit's cgroup, so {@code unit=ssh.service} is what no user can claim; a process in no
 * unit does not match. Undecided where the cgroup file is missing or cannot be trusted.
 */
final class CgroupTerm implements Term {
  enum Part {
    UNIT,
    PATH
  }

  private final Part part;
  private final Glob glob;
  private final String text;

  CgroupTerm(Part part, String value, String text) {
    this.part = part;
    this.glob = Glob.of(value);
    this.text = text;
  }

  @Override
  public Verdict test(ProcessEntry process) {
    if (part == Part.UNIT) {
      Field<Boolean> in = process.inUnit(glob);
      return in.isPresent() ? Verdict.of(in.value()) : Verdict.unknown(in.whyAbsent());
    }
    Field<ControlGroup> cgroup = process.cgroup();
    if (!cgroup.isPresent()) {
      return Verdict.unknown(cgroup.whyAbsent());
    }
    return Verdict.of(glob.matches(cgroup.value().path()));
  }

  @Override
  public int cost() {
    return 2;
  }

  @Override
  public String text() {
    return text;
  }
}
