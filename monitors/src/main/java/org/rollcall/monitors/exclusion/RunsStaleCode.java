package org.rollcall.monitors.exclusion;

import java.util.List;
import org.rollcall.core.match.Verdict;
import org.rollcall.core.proc.ControlGroup;
import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.proc.StaleFile;
import org.rollcall.core.text.SafeText;

/**
 * {@code --stale-code}: the process runs an executable or a shared object that was deleted or
 * replaced on disk since it loaded it, so it still runs the old code an upgrade meant to replace.
 * Offenders are grouped by the systemd service that restarts them; a process in no service (a
 * session's scope, a container's, none at all) by its executable.
 */
final class RunsStaleCode implements Judge {
  /** The stale files a detail line names; a JVM may map dozens. */
  static final int FILES_SHOWN = 10;

  @Override
  public Verdict test(ProcessEntry process) {
    Field<List<StaleFile>> stale = process.staleCode();
    if (!stale.isPresent()) {
      return Verdict.unknown(stale.whyAbsent());
    }
    return Verdict.of(!stale.value().isEmpty());
  }

  @Override
  public String offence(ProcessEntry process) {
    StringBuilder out = new StringBuilder();
    Field<ControlGroup> cgroup = process.cgroup();
    if (cgroup.isPresent() && cgroup.value().unit() != null) {
      out.append("unit ").append(SafeText.escape(cgroup.value().unit())).append(' ');
    }
    out.append("runs ");
    List<StaleFile> stale = process.staleCode().value();
    for (int i = 0; i < stale.size() && i < FILES_SHOWN; i++) {
      out.append(i == 0 ? "" : ", ").append(SafeText.escape(stale.get(i).toString()));
    }
    if (stale.size() > FILES_SHOWN) {
      out.append(" and ").append(stale.size() - FILES_SHOWN).append(" more files");
    }
    return out.toString();
  }

  /** The service to restart, else the executable to restart the processes of. */
  @Override
  public String group(ProcessEntry process) {
    Field<ControlGroup> cgroup = process.cgroup();
    String unit = cgroup.isPresent() ? cgroup.value().unit() : null;
    if (unit != null && unit.endsWith(".service")) {
      return SafeText.escape(unit);
    }
    return SafeText.escape(process.exe().value().path());
  }
}
