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

  /** The first term tested that decides anything ({@code *} decides nothing), or null. */
  private final Term deciding;

  private final boolean countsZombies;
  private final boolean measures;

  ProcessMatch(String text, List<Term> terms) {
    this.text = text;
    List<Term> byCost = new ArrayList<>(terms);
    byCost.sort(new ByCost());
    this.terms = List.copyOf(byCost);
    this.byCost = byCost.toArray(new Term[0]);
    this.deciding = firstDeciding(this.byCost);
    boolean zombies = false;
    boolean measuring = false;
    for (Term term : terms) {
      zombies |=
          term instanceof EveryProcessTerm
              || term instanceof StateTerm state && state.namesZombies();
      measuring |= term instanceof QuantityTerm || term instanceof NotTerm;
    }
    this.countsZombies = zombies;
    this.measures = measuring;
  }

  /**
   * Cheapest first; of two that cost the same, the one that needs no stat first, so a scan of names
   * serves a rule that does not start with {@code ppid=} or {@code state=}.
   */
  private static final class ByCost implements Comparator<Term> {
    @Override
    public int compare(Term a, Term b) {
      int byCost = Integer.compare(a.cost(), b.cost());
      return byCost != 0 ? byCost : Boolean.compare(readsStat(a), readsStat(b));
    }
  }

  /**
   * Whether zombies count: a zombie runs nothing and holds no memory, so a rule counts it only when
   * it asks for every process ({@code *}) or for the zombie state.
   */
  public boolean countsZombies() {
    return countsZombies;
  }

  /**
   * What the comparisons measured of a process that matches ({@code rss 2.3 GiB, age 5m}), or null
   * for a MATCH with none.
   */
  public String measure(ProcessEntry process) {
    if (!measures) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (Term term : terms) {
      String measured = term.measure(process);
      if (measured != null) {
        out.append(out.length() == 0 ? "" : ", ").append(measured);
      }
    }
    return out.length() == 0 ? null : out.toString();
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
   * Whether the first term that decides anything reads the stat ({@code ppid=}; {@code *} decides
   * nothing): testing any process then reads its stat, which a scan of stats has read already.
   * Every other term decides most processes without it (see {@code ProcFs.scanNames}).
   */
  public boolean readsStatFirst() {
    return deciding != null && readsStat(deciding);
  }

  /**
   * Whether the first term that decides anything reads the credentials ({@code user=}, {@code
   * group=}): testing any process then reads its status, which a scan can read on its threads.
   */
  public boolean readsCredentialsFirst() {
    return deciding != null && deciding.readsAhead() == ReadAhead.CREDENTIALS;
  }

  /** The first of {@code terms} that decides anything ({@code *} decides nothing), or null. */
  private static Term firstDeciding(Term[] terms) {
    for (Term term : terms) {
      if (!(term instanceof EveryProcessTerm)) {
        return term;
      }
    }
    return null;
  }

  private static boolean readsStat(Term term) {
    return term.readsAhead() == ReadAhead.STAT;
  }

  /** Whether the MATCH is {@code *} alone: a scan need not read even the names then. */
  public boolean readsNothing() {
    return deciding == null && byCost.length > 0;
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
