package org.rollcall.core.match;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.ProcessEntry;

/**
 * {@code args=REGEX}: found anywhere in the command line, its arguments joined by single spaces
 * (argv[0] included). Any process can write its own arguments: this term says what a process
 * claims, not what it is. Given a deadline, each search has a time budget (see {@link RegexBudget})
 * and is undecided past it.
 */
final class ArgsTerm implements Term {
  static final String CUT = "command line longer than 8 MiB: only its start was read";

  private final Pattern pattern;
  private final String text;
  private final RegexBudget budget;

  ArgsTerm(Pattern pattern, String text, RegexBudget budget) {
    this.pattern = pattern;
    this.text = text;
    this.budget = budget;
  }

  @Override
  public Verdict test(ProcessEntry process) {
    Field<List<String>> args = process.cmdline();
    if (!args.isPresent()) {
      return Verdict.unknown(args.whyAbsent());
    }
    String line = String.join(" ", args.value());
    long start = System.nanoTime();
    long end = budget.limited() ? budget.endNanos() : 0;
    Matcher matcher = pattern.matcher(budget.limited() ? new TimedText(line, end) : line);
    boolean found;
    try {
      found = matcher.find();
    } catch (TimedText.Expired e) {
      return Verdict.unknown(budget.reason(end - start));
    }
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
