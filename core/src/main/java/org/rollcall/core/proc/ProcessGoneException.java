package org.rollcall.core.proc;

/** The process exited while it was being read; scans skip it. */
public final class ProcessGoneException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProcessGoneException(int pid) {
    super("process " + pid + " exited while being read", null, false, false);
  }
}
