package org.rollcall.core.match;

/**
 * A term decided by the process's {@code stat} alone ({@code ppid=}, {@code state=}, {@code
 * kthread=}): the cheapest there is, and one that makes a rule tested first read every stat, so its
 * scan reads them all at once.
 */
abstract class StatTerm implements Term {
  private final String text;

  StatTerm(String text) {
    this.text = text;
  }

  @Override
  public final int cost() {
    return 0;
  }

  @Override
  public final ReadAhead readsAhead() {
    return ReadAhead.STAT;
  }

  @Override
  public final String text() {
    return text;
  }
}
