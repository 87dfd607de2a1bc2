package org.rollcall.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A pattern where {@code *} matches any run of characters (none included) and every other character
 * only itself: SELinux labels, systemd units, cgroup paths. A loop, not a regular expression:
 * compiling one costs a short run more than its whole scan.
 */
public final class Glob {
  private final String text;

  /** {@code text} cut at each {@code *}: "a*b" is [a, b], "*" is [, ]. */
  private final String[] pieces;

  private Glob(String text, String[] pieces) {
    this.text = text;
    this.pieces = pieces;
  }

  public static Glob of(String text) {
    List<String> pieces = new ArrayList<>();
    int from = 0;
    for (int star = text.indexOf('*'); star >= 0; star = text.indexOf('*', from)) {
      pieces.add(text.substring(from, star));
      from = star + 1;
    }
    pieces.add(text.substring(from));
    return new Glob(text, pieces.toArray(new String[0]));
  }

  /**
   * Whether {@code candidate} is the pieces with any run of characters between them: it starts with
   * the first, ends with the last, and holds the others in order in between. Taking each middle
   * piece at its first place is never wrong, since a later place leaves less room for the rest.
   */
  public boolean matches(String candidate) {
    String first = pieces[0];
    if (pieces.length == 1) {
      return candidate.equals(first);
    }
    String last = pieces[pieces.length - 1];
    if (!candidate.startsWith(first) || candidate.length() - first.length() < last.length()) {
      return false;
    }
    int from = first.length();
    int end = candidate.length() - last.length();
    for (int i = 1; i < pieces.length - 1; i++) {
      int at = candidate.indexOf(pieces[i], from);
      if (at < 0 || at + pieces[i].length() > end) {
        return false;
      }
      from = at + pieces[i].length();
    }
    return candidate.endsWith(last);
  }

  @Override
  public String toString() {
    return text;
  }
}
