package org.rollcall.alerts;

/**
 * An alert was not delivered. The message is what a sysadmin reads in the fallback file and syslog:
 * what failed, where, with the peer's own words, unescaped (whoever prints it escapes it for its
 * line). {@link #retryable} is false when trying again cannot help (a rejected recipient, HTTP 404,
 * a missing file).
 */
public final class DeliveryException extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean retryable;

  public DeliveryException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  public DeliveryException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
