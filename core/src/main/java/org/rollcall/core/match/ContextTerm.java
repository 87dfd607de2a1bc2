package org.rollcall.core.match;

import java.util.ArrayList;
import java.util.List;
import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.proc.SecurityLabel;

/**
 * {@code context=TYPE} compares the SELinux type (the domain, e.g. {@code init_t}); {@code
 * context=FULL:LABEL} (any value with a colon) compares the whole label, where {@code *} matches
 * any run of characters. On a kernel without labels the term is undecided, never silently false.
 */
final class ContextTerm implements Term {
  private final String text;
  private final String type;

  /** The pieces of a FULL label between its {@code *} wildcards; null for a TYPE. */
  private final List<String> fullLabel;

  ContextTerm(String value, String text) {
    this.text = text;
    if (value.indexOf(':') >= 0) {
      this.type = null;
      this.fullLabel = wildcardPieces(value);
    } else {
      this.type = value;
      this.fullLabel = null;
    }
  }

  @Override
  public Verdict test(ProcessEntry process) {
    Field<SecurityLabel> label = process.label();
    if (!label.isPresent()) {
      return Verdict.unknown(label.whyAbsent());
    }
    if (type != null) {
      return Verdict.of(label.value().type().equals(type));
    }
    return Verdict.of(matches(fullLabel, label.value().text()));
  }

  /** {@code value} cut at each {@code *}: "a*b" is [a, b], "*" is [, ]. */
  static List<String> wildcardPieces(String value) {
    List<String> pieces = new ArrayList<>();
    int from = 0;
    for (int star = value.indexOf('*'); star >= 0; star = value.indexOf('*', from)) {
      pieces.add(value.substring(from, star));
      from = star + 1;
    }
    pieces.add(value.substring(from));
    return pieces;
  }

  /**
   * Whether {@code text} is the pieces with any run of characters between them: it starts with the
   * first, ends with the last, and holds the others in order in between. Taking each middle piece
   * at its first place is never wrong, since a later place leaves less room for the rest. A loop,
   * not a regular expression: compiling one costs a short run more than its whole scan.
   */
  static boolean matches(List<String> pieces, String text) {
    String first = pieces.get(0);
    if (pieces.size() == 1) {
      return text.equals(first);
    }
    String last = pieces.get(pieces.size() - 1);
    if (!text.startsWith(first) || text.length() - first.length() < last.length()) {
      return false;
    }
    int from = first.length();
    int end = text.length() - last.length();
    for (int i = 1; i < pieces.size() - 1; i++) {
      int at = text.indexOf(pieces.get(i), from);
      if (at < 0 || at + pieces.get(i).length() > end) {
        return false;
      }
      from = at + pieces.get(i).length();
    }
    return text.endsWith(last);
  }

  @Override
  public int cost() {
    return 3;
  }

  @Override
  public String text() {
    return text;
  }
}
