package org.rollcall.monitors.net;

import org.rollcall.core.result.Status;

/** A check that found a problem: its state and the words a detail line uses for it. */
public final class ProbeFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final Status status;

  public ProbeFailure(String message) {
    this(Status.CRITICAL, message);
  }

  public ProbeFailure(Status status, String message) {
    super(message);
    this.status = status;
  }

  public Status status() {
    return status;
  }
}
