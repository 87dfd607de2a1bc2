package org.rollcall.core.match;

import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.proc.SecurityLabel;
import org.rollcall.core.text.Glob;

/**
 * {@code context=TYPE} compares the SELinux type (the domain, e.g. {@code init_t}); {@code
 * context=FULL:LABEL} (any value with a colon) compares the whole label, where {@code *} matches
 * any run of characters. On a kernel without labels the term is undecided, never silently false.
 */
final class ContextTerm implements Term {
  private final String text;
  private final String type;

  /** A FULL label, its {@code *} wildcards matching any run of characters; null for a TYPE. */
  private final Glob fullLabel;

  ContextTerm(String value, String text) {
    this.text = text;
    if (value.indexOf(':') >= 0) {
      this.type = null;
      this.fullLabel = Glob.of(value);
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
    return Verdict.of(fullLabel.matches(label.value().text()));
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
