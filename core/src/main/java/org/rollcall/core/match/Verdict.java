package org.rollcall.core.match;

/**
 * Whether a process satisfies a term: yes, no, or undecided because a field could not be read (with
 * the reason, so an undecided rule can say why instead of passing silently).
 */
public record Verdict(Truth truth, String reason) {
  public static final Verdict YES = new Verdict(Truth.YES, null);
  public static final Verdict NO = new Verdict(Truth.NO, null);

  /** The three outcomes. */
  public enum Truth {
    YES,
    NO,
    UNKNOWN
  }

  public static Verdict of(boolean holds) {
    return holds ? YES : NO;
  }

  public static Verdict unknown(String reason) {
    return new Verdict(Truth.UNKNOWN, reason);
  }

  public boolean isYes() {
    return truth == Truth.YES;
  }

  public boolean isNo() {
    return truth == Truth.NO;
  }

  public boolean isUnknown() {
    return truth == Truth.UNKNOWN;
  }

  /** Negation: undecided stays undecided. */
  public Verdict not() {
    return switch (truth) {
      case YES -> NO;
      case NO -> YES;
      case UNKNOWN -> this;
    };
  }

  @Override
  public String toString() {
    return truth == Truth.UNKNOWN
        ? "undecided (" + reason + ")"
        : truth == Truth.YES ? "yes" : "no";
  }
}
