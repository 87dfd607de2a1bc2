package org.rollcall.core.match;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.ids.UserDirectory;
import org.rollcall.core.text.Ascii;

/**
 * Parses a MATCH: terms joined by {@code ,} (write {@code \,} for a comma inside a value), each
 * optionally negated with {@code !}: {@code NAME}, {@code name=NAME}, {@code /ABSOLUTE/PATH},
 * {@code user=NAME|UID}, {@code group=NAME|GID}, {@code context=TYPE|FULL:LABEL}, {@code
 * args=REGEX}, {@code ppid=N}, {@code state=LETTERS}, {@code unit=GLOB}, {@code cgroup=GLOB},
 * {@code kthread=yes|no}, {@code *} (every process) and the comparisons {@code QUANTITY>LIMIT} and
 * {@code QUANTITY<LIMIT} on rss, vsz, threads, fds, age and cpu.
 */
public final class MatchParser {
  private final UserDirectory users;
  private final RegexBudget regexBudget;

  /** A parser whose {@code args=} searches have no time limit. */
  public MatchParser(UserDirectory users) {
    this(users, null);
  }

  /**
   * A parser whose {@code args=} searches each get a tenth of {@code deadline}'s time, never into
   * its last tenth, and leave their term undecided past it (null: no limit).
   */
  public MatchParser(UserDirectory users, Deadline deadline) {
    this.users = users;
    this.regexBudget = deadline == null ? RegexBudget.NONE : new RegexBudget(deadline);
  }

  public ProcessMatch parse(String text) {
    List<Term> terms = new ArrayList<>();
    for (String termText : split(text)) {
      terms.add(term(termText, text));
    }
    return new ProcessMatch(text, terms);
  }

  private Term term(String text, String match) {
    if (text.startsWith("!")) {
      return new NotTerm(term(text.substring(1), match));
    }
    if (text.isEmpty()) {
      throw new UsageException("empty term in '" + match + "'");
    }
    if (text.startsWith("/")) {
      return new ExeTerm(text);
    }
    if (text.equals(EveryProcessTerm.TEXT)) {
      return new EveryProcessTerm();
    }
    int operator = operatorAt(text);
    if (operator > 0) {
      return quantity(text, operator, match);
    }
    int equals = text.indexOf('=');
    if (equals < 0) {
      return new NameTerm(text);
    }
    String key = text.substring(0, equals);
    String value = text.substring(equals + 1);
    if (value.isEmpty()) {
      throw new UsageException("term '" + text + "' has no value: write " + key + "=VALUE");
    }
    return switch (key) {
      case "name" -> new NameTerm(value);
      case "user" -> new IdTerm(IdTerm.Kind.USER, id(value, IdTerm.Kind.USER), text);
      case "group" -> new IdTerm(IdTerm.Kind.GROUP, id(value, IdTerm.Kind.GROUP), text);
      case "context" -> new ContextTerm(value, text);
      case "args" -> new ArgsTerm(regex(value, text), text, regexBudget);
      case "ppid" -> new PpidTerm(number(value, text), text);
      case "state" -> new StateTerm(value, text);
      case "unit" -> new CgroupTerm(CgroupTerm.Part.UNIT, value, text);
      case "cgroup" -> new CgroupTerm(CgroupTerm.Part.PATH, value, text);
      case "kthread" -> new KernelThreadTerm(value, text);
      default ->
          throw new UsageException("unknown term '" + key + "=' in '" + match + "'" + known());
    };
  }

  /**
   * The keywords of the terms {@link #parse} takes, besides a bare NAME and an /ABSOLUTE/PATH,
   * which have none: what rollcall-rules(5) documents and ps.monitor --help names, kept so by a
   * test. Built on each call, as only a usage error and the tests ask for it.
   */
  public static List<String> keywords() {
    List<String> keywords =
        new ArrayList<>(
            List.of(
                EveryProcessTerm.TEXT,
                "name=",
                "user=",
                "group=",
                "context=",
                "args=",
                "ppid=",
                "state=",
                "unit=",
                "cgroup=",
                "kthread="));
    for (Quantity quantity : Quantity.values()) {
      keywords.add(quantity.key + ">");
      keywords.add(quantity.key + "<");
    }
    return keywords;
  }

  /** The list a usage error about an unknown term ends with. */
  private static String known() {
    return " (known: NAME, /path, " + String.join(", ", keywords()) + ")";
  }

  /**
   * Where a comparison's {@code <} or {@code >} stands: after a word of letters and before any
   * {@code =}; 0 when the term is no comparison. A name holding one is written {@code name=}.
   */
  private static int operatorAt(String text) {
    int i = 0;
    while (i < text.length() && Ascii.isLetter(text.charAt(i))) {
      i++;
    }
    return i < text.length() && (text.charAt(i) == '<' || text.charAt(i) == '>') ? i : 0;
  }

  private static Term quantity(String text, int operator, String match) {
    Quantity quantity = Quantity.named(text.substring(0, operator));
    if (quantity == null) {
      throw new UsageException(
          "unknown comparison '"
              + text.substring(0, operator + 1)
              + "' in '"
              + match
              + "'"
              + known()
              + "; a name holding < or > is name=NAME");
    }
    return new QuantityTerm(
        quantity, text.charAt(operator) == '>', text.substring(operator + 1), text);
  }

  /** A numeric ID as given; a name through the user directory (which loads NSS only now). */
  private int id(String value, IdTerm.Kind kind) {
    if (Ascii.isDigits(value, 1, 10)) {
      try {
        return Integer.parseUnsignedInt(value);
      } catch (NumberFormatException e) {
        throw new UsageException(
            kind.name().toLowerCase(java.util.Locale.ROOT)
                + " ID '"
                + value
                + "' is larger than 4294967295");
      }
    }
    OptionalInt resolved = kind == IdTerm.Kind.USER ? users.uid(value) : users.gid(value);
    if (resolved.isEmpty()) {
      throw new UsageException(
          "unknown " + kind.name().toLowerCase(java.util.Locale.ROOT) + " '" + value + "'");
    }
    return resolved.getAsInt();
  }

  private static int number(String value, String text) {
    if (!Ascii.isDigits(value, 1, 9)) {
      throw new UsageException("'" + text + "' needs a number");
    }
    return Integer.parseInt(value);
  }

  private static Pattern regex(String value, String text) {
    try {
      return Pattern.compile(value);
    } catch (PatternSyntaxException e) {
      throw new UsageException("bad regular expression in '" + text + "': " + e.getDescription());
    }
  }

  /**
   * Splits on commas not escaped as {@code \,}; other backslashes are kept for regular expressions.
   */
  static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == ',') {
        current.append(',');
        i++;
      } else if (c == ',') {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }
}
