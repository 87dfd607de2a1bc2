package org.rollcall.core.match;

import java.util.List;
import java.util.regex.Pattern;
import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.ProcessEntry;

/**
 * {@code args=REGEX}: found anywhere in the command line, its arguments joined by single spaces (argv[0]
 * included). Any process can write its own arguments: this term says what a process claims, not what it is.
 */
final class ArgsTerm implements Term {
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
    return Verdict.of(pattern.matcher(String.join(" ", args.value())).find());
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
