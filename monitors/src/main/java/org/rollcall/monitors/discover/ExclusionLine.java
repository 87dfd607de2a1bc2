package org.rollcall.monitors.discover;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rollcall.core.proc.Credentials;
import org.rollcall.core.proc.Executable;
import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.ProcessEntry;

/**
 * The exclusion.monitor arguments that hold now: {@code --gid0}, with an {@code --allow} for each
 * process that already keeps root's group, named by what it runs so that only that binary is
 * excused. Each is said to fail already, so the sysadmin decides whether to fix or keep it.
 *
 * @param arguments the words after {@code exclusion.monitor}
 * @param why one comment per {@code --allow}, and why the line may not hold
 */
record ExclusionLine(List<String> arguments, List<String> why) {

  /** Tallies one scan's processes (our own and zombies already left out). */
  static final class Builder {
    private final Set<String> allows = new LinkedHashSet<>();
    private final List<String> why = new ArrayList<>();
    private int unreadable;
    private String unreadableReason;

    /** Looks at one process; may throw ProcessGoneException. */
    void add(ProcessEntry process, Sighting seen) {
      Field<Credentials> ids = process.credentials();
      if (!ids.isPresent()) {
        unreadable++;
        unreadableReason = unreadableReason == null ? ids.whyAbsent() : unreadableReason;
        return;
      }
      if (!ids.value().keepsRootGroup(true)) {
        return;
      }
      String allow = allowFor(process, seen);
      if (allow == null) {
        why.add(
            "cannot be excused: pid "
                + seen.pid()
                + " holds group 0 without user 0, and its "
                + "name or executable cannot be written in a rule");
      } else if (allows.add(allow)) {
        why.add(
            "--allow "
                + allow
                + ": ALREADY FAILS NOW: pid "
                + seen.pid()
                + " ("
                + ids.value()
                + ") holds group 0 without user 0; fix it, or keep this --allow");
      }
    }

    ExclusionLine build() {
      List<String> arguments = new ArrayList<>(List.of("--gid0"));
      for (String allow : allows) {
        arguments.add("--allow");
        arguments.add(allow);
      }
      List<String> notes = new ArrayList<>(why);
      if (unreadable > 0) {
        notes.add(
            "may not hold: "
                + unreadable
                + " processes' IDs could not be read ("
                + unreadableReason
                + ")");
      }
      return new ExclusionLine(List.copyOf(arguments), List.copyOf(notes));
    }

    /** NAME,/exe/path: the binary, not the name any process may take. */
    private static String allowFor(ProcessEntry process, Sighting s) {
      // Discovery reads the binary of daemons and sessions only: an offender may be neither.
      Field<Executable> exe = process.exe();
      String path = exe.isPresent() ? exe.value().path() : null;
      if (s.name() == null
          || path == null
          || !MatchText.writable(s.name())
          || !MatchText.writable(path)) {
        return null;
      }
      // A container's binary shown at the path here is not the file an --allow would name.
      Field<Boolean> here = process.exeIsFileAt(path);
      if (!here.isPresent() || !here.value()) {
        return null;
      }
      return new MatchText().name(s.name()).exe(path).toString();
    }
  }
}
