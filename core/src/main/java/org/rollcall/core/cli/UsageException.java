package org.rollcall.core.cli;

/**
 * Input the user must correct (a bad rule, an unknown user name); the message is the one line they
 * see.
 */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
