package org.rollcall.core.match;

/**
 * A command line that stops a regular expression once its time is up: java.util.regex reads its
 * input through {@link #charAt} and has no timeout of its own, so a pattern such as {@code (a+)+b}
 * on 100 KB of {@code a}s, which would backtrack for ever, throws {@link Expired} here instead.
 */
final class TimedText implements CharSequence {
  /**
   * Checking the clock on every read would double a match's cost; every 4,096th read is within
   * microseconds.
   */
  private static final int CHECK_MASK = 0xfff;

  /** The time ran out; without a stack trace, as it is expected and caught at once. */
  static final class Expired extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Expired() {
      super("regular expression ran out of time", null, false, false);
    }
  }

  private final CharSequence text;
  private final long endNanos;
  private int reads;

  TimedText(CharSequence text, long endNanos) {
    this.text = text;
    this.endNanos = endNanos;
  }

  @Override
  public char charAt(int index) {
    if ((++reads & CHECK_MASK) == 0 && System.nanoTime() - endNanos > 0) {
      throw new Expired();
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new TimedText(text.subSequence(start, end), endNanos);
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
