package org.rollcall.core.match;

import java.util.regex.Pattern;
import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.proc.SecurityLabel;

/**
 * {@code context=TYPE} compares the SELinux type (the domain, e.g. {@code init_t}); {@code context=FULL:LABEL}
 * (any value with a colon) compares the whole label, where {@code *} matches any run of characters. On a kernel
 * without labels the term is undecided, never silently false.
 */
final class ContextTerm implements Term {
  private final String text;
  private final String type;
  private final Pattern fullLabel;

  ContextTerm(String value, String text) {
    this.text = text;
    if (value.indexOf(':') >= 0) {
      this.type = null;
      this.fullLabel = glob(value);
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
    return Verdict.of(fullLabel.matcher(label.value().text()).matches());
  }

  private static Pattern glob(String value) {
    String[] parts = value.split("\\*", -1);
    StringBuilder regex = new StringBuilder(Pattern.quote(parts[0]));
    for (int i = 1; i < parts.length; i++) {
      regex.append(".*").append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
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
