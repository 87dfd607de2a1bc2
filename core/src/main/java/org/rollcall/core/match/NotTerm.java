package org.rollcall.core.match;

import org.rollcall.core.proc.ProcessEntry;

/** {@code !TERM}: holds when TERM does not; undecided stays undecided. */
final class NotTerm implements Term {
  private final Term term;

  NotTerm(Term term) {
    this.term = term;
  }

  @Override
  public Verdict test(ProcessEntry process) {
    return term.test(process).not();
  }

  @Override
  public String measure(ProcessEntry process) {
    return term.measure(process);
  }

  @Override
  public int cost() {
    return term.cost();
  }

  @Override
  public ReadAhead readsAhead() {
    return term.readsAhead();
  }

  @Override
  public String text() {
    return "!" + term.text();
  }
}
