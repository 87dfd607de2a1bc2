package org.rollcall.core.match;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.ProcessEntry;

/**
 * {@code args=REGEX}: found anywhere in the command line, its arguments joined by single spaces (argv[0]
 * included). Any process can write its own arguments: this term says what a process claims, not what it is.
 */
final class ArgsTerm implements Term {
  static final String CUT = "command line longer than 8 MiB: only its start was read";

  private final Pattern pattern;
  private final String text;

  ArgsTerm(Pattern pattern, String text) {
    this.pattern = pattern;
    this.text = text;
  }

  @Override
  public Verdict test(ProcessEntry process) {
    Field<List<String>> args = process.cmdline();
    if (!args.isPresent()) {
      return Verdict.unknown(args.whyAbsent());
    }
    Matcher matcher = pattern.matcher(String.join(" ", args.value()));
    boolean found = matcher.find();
    // Of a cut command line, a verdict stands only if reading more could not have changed it.
    if (process.cmdlineTruncated() && matcher.hitEnd()) {
      return Verdict.unknown(CUT);
    }
    return Verdict.of(found);
  }

  @Override
  public int cost() {
    return 2;
  }

  @Override
  public String text() {
    return text;
  }
}
