package org.rollcall.monitors.discover;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.rollcall.core.text.SafeText;

/**
 * The comment lines every format shares, written with the format's comment mark: what was read,
 * what was skipped and why, the rules that did not hold, and one line above each rule saying why it
 * is proposed. Process names and paths are escaped, so none can end a comment line early.
 */
final class Listing {
  private final Discovery found;
  private final String mark;
  private final PrintWriter out;

  Listing(Discovery found, String mark, PrintWriter out) {
    this.found = found;
    this.mark = mark;
    this.out = out;
  }

  void header(String what) {
    comment(
        "ps.discover: "
            + found.rules().size()
            + (found.rules().size() == 1 ? " rule" : " rules")
            + " that hold now on "
            + found.root()
            + " ("
            + found.processes()
            + " processes read), each checked as ps.monitor counts; "
            + what);
    StringJoiner skipped = new StringJoiner(", ");
    for (Map.Entry<Role, Integer> entry : found.skipped().entrySet()) {
      skipped.add(entry.getValue() + " " + entry.getKey().words());
    }
    if (skipped.length() > 0) {
      comment("no rule for: " + skipped);
    }
    for (String note : found.notes()) {
      comment("note: " + note);
    }
    for (String refused : found.refused()) {
      comment("not proposed, does not hold now: " + refused);
    }
    if (found.rules().isEmpty()) {
      comment("no rule holds now: nothing for ps.monitor");
    }
  }

  /** Each rule's reason, then the rule alone on its line, as an argument file reads it. */
  void rules() {
    for (Proposal rule : found.rules()) {
      comment(rule.why());
      out.print(argumentLine(rule.rule()) + "\n");
    }
  }

  /**
   * A rule as a line of an argument file: a leading {@code @} doubled, and a rule whose name would
   * make the line a comment (a first character that is not blank is {@code #}) written with {@code
   * name=}, so a process cannot drop its own rule from the file by its name.
   */
  static String argumentLine(String rule) {
    if (rule.startsWith("@")) {
      return "@" + rule;
    }
    int first = 0;
    while (first < rule.length() && (rule.charAt(first) == ' ' || rule.charAt(first) == '\t')) {
      first++;
    }
    return first < rule.length() && rule.charAt(first) == '#' ? "name=" + rule : rule;
  }

  /** The reasons of the rules alone, for formats that put every rule on one line. */
  void reasons() {
    for (Proposal rule : found.rules()) {
      comment(rule.rule() + ": " + rule.why());
    }
  }

  void exclusionReasons() {
    for (String why : found.exclusion().why()) {
      comment("exclusion.monitor " + why);
    }
  }

  /** A fixed line of this class's own, which needs no escaping (it holds a backslash). */
  void usage(String text) {
    out.print(mark + " " + text + "\n");
  }

  void comment(String text) {
    out.print(mark + " " + SafeText.escape(text) + "\n");
  }

  void line(String text) {
    out.print(text + "\n");
  }

  List<String> ruleTexts() {
    List<String> texts = new ArrayList<>();
    for (Proposal rule : found.rules()) {
      texts.add(rule.rule());
    }
    return texts;
  }

  List<String> exclusionArguments() {
    return found.exclusion().arguments();
  }
}
