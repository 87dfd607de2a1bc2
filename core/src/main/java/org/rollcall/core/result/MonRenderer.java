package org.rollcall.core.result;

import java.io.PrintWriter;
import java.util.List;
import org.rollcall.core.text.SafeText;

/**
 * mon's contract: line 1 the failing items separated by spaces, then one or more detail lines; exit
 * 0 when all is well, 1 on failure (any non-zero status is a failure to mon, and it reaches alerts
 * as MON_RETVAL). When all is well one short line says what held, which mon keeps as the last
 * summary. Line 1 holds at most 500 bytes of items, then {@code ... and N more}; the detail lines
 * name them all. Every line is escaped so that text from processes or peers can never add or split
 * a line.
 */
public final class MonRenderer implements Renderer {
  public static final int FAILURE = 1;

  @Override
  public int render(Report report, PrintWriter out) {
    List<Finding> failures = report.failures();
    String headline = report.headline() == null ? null : SummaryLine.text(report.headline(), false);
    if (failures.isEmpty()) {
      printEscaped(out, headline != null ? headline : SummaryLine.text(report.okSummary(), false));
      printAll(out, report.notes());
      return 0;
    }
    printEscaped(out, headline != null ? headline : SummaryLine.tokens(failures, false));
    for (Finding failure : failures) {
      printAll(out, failure.details());
    }
    printAll(out, report.notes());
    return FAILURE;
  }

  @Override
  public int errorCode() {
    return FAILURE;
  }

  @Override
  public int renderError(
      String service, String message, Iterable<String> details, PrintWriter out) {
    println(out, message);
    printAll(out, details);
    return FAILURE;
  }

  private static void printAll(PrintWriter out, Iterable<String> lines) {
    for (String line : lines) {
      println(out, line);
    }
  }

  private static void println(PrintWriter out, String line) {
    printEscaped(out, SafeText.escape(line));
  }

  private static void printEscaped(PrintWriter out, String line) {
    out.print(line);
    out.print('\n');
  }
}
