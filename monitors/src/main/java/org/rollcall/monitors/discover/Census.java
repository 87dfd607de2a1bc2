package org.rollcall.monitors.discover;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides each process's {@link Role} from what every process was seen as: the parent of a process
 * and the unit of that parent are needed to tell a daemon from its children.
 */
final class Census {
  private final Map<Integer, Sighting> byPid = new HashMap<>();
  private final Map<Integer, Role> roles = new HashMap<>();
  private final Map<String, String> masterDirectories = new HashMap<>();
  private final double minAgeSeconds;

  Census(List<Sighting> sightings, double minAgeSeconds) {
    this.minAgeSeconds = minAgeSeconds;
    for (Sighting s : sightings) {
      byPid.put(s.pid(), s);
    }
    // Masters first: a worker is known by its unit's master.
    for (Sighting s : sightings) {
      Role role = firstLook(s);
      roles.put(s.pid(), role);
      if (role == Role.MASTER && s.unit() != null) {
        masterDirectories.putIfAbsent(s.unit(), s.exeDirectory());
      }
    }
    for (Sighting s : sightings) {
      if (roles.get(s.pid()) == Role.OTHER && isWorker(s)) {
        roles.put(s.pid(), old(s) ? Role.WORKER : Role.YOUNG);
      }
    }
  }

  Role roleOf(Sighting s) {
    return roles.get(s.pid());
  }

  List<Sighting> withRole(Role role, List<Sighting> sightings) {
    List<Sighting> found = new ArrayList<>();
    for (Sighting s : sightings) {
      if (roles.get(s.pid()) == role) {
        found.add(s);
      }
    }
    return found;
  }

  /**
   * How many processes each role that proposes nothing holds, in the enum's order (a TreeMap: an
   * EnumMap asks for the constants by reflection, which spins method handles on a cold JVM).
   */
  Map<Role, Integer> skipped() {
    Map<Role, Integer> counts = new TreeMap<>();
    for (Role role : roles.values()) {
      if (!role.proposed()) {
        Integer seen = counts.get(role);
        counts.put(role, seen == null ? 1 : seen + 1);
      }
    }
    return counts;
  }

  private Role firstLook(Sighting s) {
    if (s.pid() == 1) {
      return Role.INIT;
    }
    if (s.kernelThread()) {
      return Role.KERNEL;
    }
    if (isSession(s)) {
      return Role.SESSION;
    }
    if (isContainer(s)) {
      return Role.CONTAINER;
    }
    if (!isMaster(s)) {
      return Role.OTHER;
    }
    if (s.exe() != null && !s.exeHere()) {
      return Role.CONTAINER;
    }
    if (s.unreadable() != null) {
      return Role.UNREADABLE;
    }
    if (s.exe().startsWith("/memfd:")) {
      return Role.ANONYMOUS;
    }
    // A service's main process is a daemon whatever its age; an orphan outside any service only
    // once it has lasted.
    return s.inSystemService() || old(s) ? Role.MASTER : Role.YOUNG;
  }

  private boolean old(Sighting s) {
    return s.ageSeconds() >= minAgeSeconds;
  }

  private boolean isMaster(Sighting s) {
    if (s.ppid() == 1) {
      return true;
    }
    Sighting parent = byPid.get(s.ppid());
    return s.inSystemService() && (parent == null || !s.unit().equals(parent.unit()));
  }

  /**
   * A worker shares its master's unit and runs a binary from the master's directory (postfix's qmgr
   * beside master, apache2's own children): a cron job in cron.service runs /bin/sh, and is not
   * one.
   */
  private boolean isWorker(Sighting s) {
    String directory = s.unit() == null ? null : masterDirectories.get(s.unit());
    return directory != null
        && s.inSystemService()
        && s.unreadable() == null
        && s.exeHere()
        && s.exeDirectory().equals(directory);
  }

  private static boolean isSession(Sighting s) {
    return Sighting.inSession(s.cgroup(), s.unit());
  }

  private static boolean isContainer(Sighting s) {
    String path = s.cgroup() == null ? "" : s.cgroup();
    String unit = s.unit() == null ? "" : s.unit();
    return path.startsWith("/machine.slice/")
        || path.contains("/docker/")
        || path.contains("/lxc.payload")
        || path.startsWith("/kubepods")
        || unit.startsWith("docker-")
        || unit.startsWith("libpod-")
        || unit.startsWith("cri-containerd-");
  }
}
