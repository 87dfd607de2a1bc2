package org.rollcall.monitors.discover;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rollcall.core.ids.UserDirectory;

/**
 * Turns the processes of a {@link Census} into rules: one strict rule per daemon (its count exactly
 * as seen, with {@code ppid=1} where its parent is init, so its own children are not counted), one
 * loose {@code 1-} rule per kind of worker, and a no-stray {@code 0-0} rule for a daemon's name
 * that other processes use too.
 */
final class Proposer {
  /** Debian's first UID for people (login.defs UID_MIN): below it, and nobody, are system users. */
  private static final int FIRST_REGULAR_UID = 1000;

  private static final int NOBODY = 65534;

  private final UserDirectory users;
  private final List<String> unwritable = new ArrayList<>();

  Proposer(UserDirectory users) {
    this.users = users;
  }

  List<Proposal> propose(List<Sighting> all, Census census) {
    List<Proposal> proposals = new ArrayList<>();
    Map<String, List<Sighting>> masters = group(census.withRole(Role.MASTER, all), true);
    for (Map.Entry<String, List<Sighting>> entry : masters.entrySet()) {
      List<Sighting> seen = entry.getValue();
      boolean initsChild = seen.get(0).ppid() == 1;
      String why = why("daemon", seen, initsChild ? "parent pid 1" : "top of its unit");
      // Without ppid=1 the rule may count the daemon's own children too: then at least one.
      Proposal loose =
          initsChild ? null : new Proposal(entry.getKey(), "1-", why + ", and children");
      proposals.add(new Proposal(entry.getKey(), seen.size() + "-" + seen.size(), why, loose));
    }
    Map<String, List<Sighting>> workers = group(census.withRole(Role.WORKER, all), false);
    for (Map.Entry<String, List<Sighting>> entry : workers.entrySet()) {
      proposals.add(
          new Proposal(
              entry.getKey(), "1-", why("worker", entry.getValue(), "a pool: at least one")));
    }
    proposals.addAll(new StrayRules(census).propose(all, masters.values()));
    return proposals;
  }

  /**
   * The daemons and workers {@link #propose} drew no rule for, as their names cannot be written.
   */
  List<String> unwritable() {
    return unwritable;
  }

  /** Sightings by the MATCH that names them, in order of their first PID. */
  private Map<String, List<Sighting>> group(List<Sighting> sightings, boolean master) {
    Map<String, List<Sighting>> groups = new LinkedHashMap<>();
    for (Sighting s : sightings) {
      String match = match(s, master);
      if (match != null) {
        List<Sighting> group = groups.get(match);
        if (group == null) {
          group = new ArrayList<>();
          groups.put(match, group);
        }
        group.add(s);
      } else {
        unwritable.add(
            "no rule for pid "
                + s.pid()
                + " ("
                + s.name()
                + ", "
                + s.exe()
                + "): a rule cannot carry its name or binary (a control character, or a"
                + " backslash at the end)");
      }
    }
    return groups;
  }

  /** NAME,/exe[,user=][,unit=][,context=] and ppid=1 or !ppid=1; null when it cannot be written. */
  private String match(Sighting s, boolean master) {
    if (!MatchText.writable(s.name()) || !MatchText.writable(s.exe())) {
      return null;
    }
    MatchText text = new MatchText().name(s.name()).exe(s.exe());
    String user = systemUser(s.uid());
    if (user != null) {
      text.term("user", user);
    }
    if (s.inSystemService()) {
      text.term("unit", s.unit());
    }
    if (s.context() != null) {
      text.term("context", s.context());
    }
    if (master && s.ppid() == 1) {
      text.term("ppid=1");
    } else if (!master) {
      text.term("!ppid=1");
    }
    return text.toString();
  }

  /** The user a rule names: a system user's name (or UID when it has none), else null. */
  private String systemUser(int uid) {
    if (uid < 0 || (uid >= FIRST_REGULAR_UID && uid != NOBODY)) {
      return null;
    }
    return users.userName(uid).orElse(Integer.toString(uid));
  }

  private String why(String role, List<Sighting> seen, String detail) {
    Sighting first = seen.get(0);
    Set<Integer> pids = new LinkedHashSet<>();
    for (Sighting s : seen) {
      pids.add(s.pid());
    }
    return role
        + " ("
        + detail
        + "), "
        + first.describe(systemUserOrUid(first.uid()))
        + "; "
        + seen.size()
        + " seen"
        + (seen.size() > 1 ? " (pids " + joined(pids) + ")" : "");
  }

  private String systemUserOrUid(int uid) {
    return users.userName(uid).orElse(Integer.toString(uid));
  }

  static String joined(Iterable<Integer> pids) {
    StringBuilder text = new StringBuilder();
    for (int pid : pids) {
      text.append(text.length() == 0 ? "" : " ").append(pid);
    }
    return text.toString();
  }
}
