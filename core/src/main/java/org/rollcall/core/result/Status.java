package org.rollcall.core.result;

import java.util.Collection;

/**
 * The state of a check, ordered from best to worst, with its Nagios exit code (monitoring-plugins'
 * states.h).
 */
public enum Status {
  OK(0),
  UNKNOWN(3),
  WARNING(1),
  CRITICAL(2);

  private final int nagiosCode;

  Status(int nagiosCode) {
    this.nagiosCode = nagiosCode;
  }

  /** 0, 1, 2 or 3, as the Nagios plugin guidelines define them. */
  public int nagiosCode() {
    return nagiosCode;
  }

  /**
   * The worse of two states: CRITICAL, then WARNING, then UNKNOWN, then OK, as monitoring-plugins'
   * {@code max_state_alt} ranks them (a known problem outranks an undecided check).
   */
  public Status worst(Status other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  /** The worst state in {@code states}, OK when empty. */
  public static Status worst(Collection<Status> states) {
    Status worst = OK;
    for (Status s : states) {
      worst = worst.worst(s);
    }
    return worst;
  }
}
