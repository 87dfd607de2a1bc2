package org.rollcall.core.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rollcall.core.proc.ProcessEntry;

/**
 * A MATCH: terms that must all hold. Terms are tested cheapest first, and the first that fails ends
 * the test, so most processes are decided from their stat alone.
 */
public final class ProcessMatch {
  private final String text;
  private final List<Term> terms;

  /** The same, for the test every process goes through: no iterator to allocate. */
  private final Term[] byCost;

  ProcessMatch(String text, List<Term> terms) {
    this.text = text;
    List<Term> byCost = new ArrayList<>(terms);
    byCost.sort(new ByCost());
    this.terms = List.copyOf(byCost);
    this.byCost = byCost.toArray(new Term[0]);
  }

  /** Cheapest first. */
  private static final class ByCost implements Comparator<Term> {
    @Override
    public int compare(Term a, Term b) {
      return Integer.compare(a.cost(), b.cost());
    }
  }

  /** Yes when every term holds, no when one does not, otherwise undecided with the first reason. */
  public Verdict test(ProcessEntry process) {
    Verdict undecided = null;
    for (Term term : byCost) {
      Verdict verdict = term.test(process);
      if (verdict.isNo()) {
        return Verdict.NO;
      }
      if (verdict.isUnknown() && undecided == null) {
        undecided = verdict;
      }
    }
    return undecided == null ? Verdict.YES : undecided;
  }

  /**
   * Whether the first term tested reads the stat ({@code ppid=}): testing any process then reads
   * its stat, which a scan of stats has read already. Every other term decides most processes
   * without it (see {@code ProcFs.scanNames}).
   */
  public boolean readsStatFirst() {
    return byCost.length > 0 && byCost[0].readsStat();
  }

  /** Each term with its verdict for {@code process}, cheapest first (for --explain). */
  public List<String> explain(ProcessEntry process) {
    List<String> lines = new ArrayList<>();
    for (Term term : terms) {
      lines.add(term.text() + ": " + term.test(process));
    }
    return lines;
  }

  /** The MATCH as the user wrote it. */
  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
