package org.rollcall.monitors.discover;

/** What discovery takes a process for, and so whether a rule is proposed for it. */
enum Role {
  /** A daemon: its parent is PID 1, or it is the top process of a system service unit. */
  MASTER("daemons"),
  /** A long-lived process of a daemon's unit running a binary from the daemon's own directory. */
  WORKER("workers"),
  /** PID 1 itself: always there while the system runs. */
  INIT("init"),
  KERNEL("kernel threads"),
  ZOMBIE("zombies"),
  /** A login session's or a user manager's process: comes and goes with the user. */
  SESSION("in users' sessions"),
  /** In a container's cgroup, or running a binary this mount namespace does not show. */
  CONTAINER("in containers"),
  /** Would be a daemon or worker, but started less than --min-age ago. */
  YOUNG("too young"),
  /** Runs an anonymous file (memfd_create(2)): no path names it on the next start. */
  ANONYMOUS("running no file"),
  /** A field a rule needs could not be read. */
  UNREADABLE("unreadable"),
  /** Anything else: shells, jobs, a daemon's short-lived children. */
  OTHER("not daemons");

  private final String words;

  Role(String words) {
    this.words = words;
  }

  /** How a count of such processes reads on the "skipped:" line. */
  String words() {
    return words;
  }

  boolean proposed() {
    return this == MASTER || this == WORKER;
  }
}
