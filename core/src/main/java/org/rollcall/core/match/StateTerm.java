package org.rollcall.core.match;

import org.rollcall.core.cli.UsageException;
import org.rollcall.core.proc.ProcessEntry;

/**
 * {@code state=LETTERS}: the process state from {@code stat} is one of the letters (proc(5): R
 * running, S sleeping, D disk sleep, Z zombie, T stopped, t tracing stop, X dead, I idle; older
 * kernels also x, K, W, P). A rule that names Z or X counts zombies, which every other rule skips.
 */
final class StateTerm extends StatTerm {
  static final String KNOWN = "RSDZTtXxKWPI";

  private final String letters;

  StateTerm(String letters, String text) {
    super(text);
    for (int i = 0; i < letters.length(); i++) {
      if (KNOWN.indexOf(letters.charAt(i)) < 0) {
        throw new UsageException(
            "term '"
                + text
                + "' expects process state letters among R S D Z T t X I (and x K W P), not '"
                + letters.charAt(i)
                + "'");
      }
    }
    this.letters = letters;
  }

  /** Whether the term holds for zombies, so its rule counts them. */
  boolean namesZombies() {
    return letters.indexOf('Z') >= 0 || letters.indexOf('X') >= 0 || letters.indexOf('x') >= 0;
  }

  @Override
  public Verdict test(ProcessEntry process) {
    return Verdict.of(letters.indexOf(process.stat().state()) >= 0);
  }
}
