package org.rollcall.alerts;

/**
 * Perl's {@code Text::Wrap::wrap("", "\t\t\t", text)} as mon's mail.alert uses it for the "Members"
 * line: breaks at a space (which it drops) so that no line reaches 76 columns (tabs counted to the
 * next multiple of 8), later lines indented by three tabs; a word longer than a line is cut. Runs
 * of spaces then become tabs, as Text::Wrap does.
 */
final class TextWrap {
  static final int COLUMNS = 76;
  private static final String INDENT = "\t\t\t";
  private static final int INDENT_WIDTH = 24;

  private TextWrap() {}

  static String members(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : wrap(text).split("\n", -1)) {
      out.append(unexpand(line)).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  /**
   * Text::Tabs' unexpand, which Text::Wrap applies to every line: in each whole 8-column chunk, two
   * or more trailing spaces become one tab ("Members :" becomes "Members \t :").
   */
  static String unexpand(String line) {
    String expanded = line.replace("\t", "        ");
    StringBuilder out = new StringBuilder();
    int whole = expanded.length() / 8 * 8;
    for (int at = 0; at < whole; at += 8) {
      out.append(expanded.substring(at, at + 8).replaceFirst("  +$", "\t"));
    }
    return out.append(expanded.substring(whole)).toString();
  }

  private static String wrap(String text) {
    StringBuilder out = new StringBuilder();
    String rest = text;
    int width = COLUMNS - 1;
    boolean first = true;
    while (true) {
      int room = first ? width : width - INDENT_WIDTH;
      if (!first) {
        out.append(INDENT);
      }
      if (rest.length() <= room) {
        return out.append(rest).toString();
      }
      int cut = rest.lastIndexOf(' ', room);
      if (cut <= 0) {
        out.append(rest, 0, room);
        rest = rest.substring(room);
      } else {
        out.append(rest, 0, cut);
        rest = rest.substring(cut + 1);
      }
      out.append('\n');
      first = false;
    }
  }
}
