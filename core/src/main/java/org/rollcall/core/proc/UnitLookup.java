package org.rollcall.core.proc;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.rollcall.core.text.Glob;

/**
 * One scan's walks of the cgroup filesystem, shared by the readers of its parts: the hierarchy is
 * found once, and each glob's units walked once, whichever part's process asks first. Used on the
 * scan's thread only, once its parts are read.
 */
final class UnitLookup {
  private final ProcFs fs;
  private Field<UnitMembers> units;
  private final Map<String, Set<Integer>> members = new HashMap<>();

  UnitLookup(ProcFs fs) {
    this.fs = fs;
  }

  /** The PIDs in the units {@code glob} matches, or null where the walk does not serve. */
  Set<Integer> members(Glob glob) {
    if (units == null) {
      units = UnitMembers.open(fs);
    }
    if (!units.isPresent()) {
      return null;
    }
    Set<Integer> found = members.get(glob.toString());
    if (found == null) {
      try {
        found = units.value().of(glob);
      } catch (IOException | RuntimeException e) {
        units = Field.absent("the cgroup walk failed: " + e.getMessage());
        return null;
      }
      members.put(glob.toString(), found);
    }
    return found;
  }
}
