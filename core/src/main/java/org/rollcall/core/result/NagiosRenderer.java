package org.rollcall.core.result;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.rollcall.core.text.SafeText;
import org.rollcall.core.text.Utf8;

/**
 * The Nagios plugin contract: {@code SERVICE STATE: text | perfdata} on line 1, long output (the
 * detail lines) after it, exit 0/1/2/3. A {@code |} in text would start perfdata, so it is replaced
 * in text lines. Line 1 holds at most 500 bytes of failing items, then {@code ... and N more}, and
 * at most 1,023 bytes in all: the perfdata that does not fit follows the long output after a {@code
 * |}, one value a line, as the plugin guidelines allow.
 */
public final class NagiosRenderer implements Renderer {
  /**
   * Line 1's bytes at most, without its newline: NRPE's v2 and v3 packets carry 1,024 bytes, the
   * last one its terminating NUL, so a longer line 1 would lose its perfdata or its text.
   */
  static final int MAX_FIRST_LINE = 1023;

  @Override
  public int render(Report report, PrintWriter out) {
    Status status = report.status();
    List<Finding> failures = report.failures();
    String text =
        report.headline() != null
            ? SummaryLine.text(report.headline(), true)
            : failures.isEmpty()
                ? SummaryLine.text(report.okSummary(), true)
                : failures.size()
                    + " of "
                    + report.findings().size()
                    + " failed: "
                    + SummaryLine.tokens(failures, true);
    StringBuilder first =
        new StringBuilder(
            Utf8.prefix(report.service() + " " + status + ": " + text, MAX_FIRST_LINE));
    List<String> later = addPerfdata(first, report.perfdata());
    out.print(first.append('\n'));
    for (Finding failure : failures) {
      printAll(out, failure.details());
    }
    printAll(out, report.notes());
    if (!later.isEmpty()) {
      // The plugin API's long perfdata: after the long output, a '|' and then one value a line.
      out.print("| ");
      for (String value : later) {
        out.print(value);
        out.print('\n');
      }
    }
    return status.nagiosCode();
  }

  /**
   * Adds to line 1 the values that fit in {@link #MAX_FIRST_LINE} bytes, in order; returns the
   * rest.
   */
  private static List<String> addPerfdata(StringBuilder first, List<Perfdata> perfdata) {
    List<String> later = new ArrayList<>();
    int bytes = Utf8.length(first);
    String separator = " | ";
    for (Perfdata value : perfdata) {
      String rendered = SafeText.escape(value.render());
      int added = separator.length() + Utf8.length(rendered);
      if (later.isEmpty() && bytes + added <= MAX_FIRST_LINE) {
        first.append(separator).append(rendered);
        bytes += added;
        separator = " ";
      } else {
        later.add(rendered);
      }
    }
    return later;
  }

  @Override
  public int errorCode() {
    return Status.UNKNOWN.nagiosCode();
  }

  @Override
  public int renderError(
      String service, String message, Iterable<String> details, PrintWriter out) {
    println(out, service + " " + Status.UNKNOWN + ": " + message);
    printAll(out, details);
    return Status.UNKNOWN.nagiosCode();
  }

  private static void printAll(PrintWriter out, Iterable<String> lines) {
    for (String line : lines) {
      println(out, line);
    }
  }

  private static void println(PrintWriter out, String line) {
    out.print(clean(line));
    out.print('\n');
  }

  private static String clean(String text) {
    return SafeText.escape(text).replace('|', '/');
  }
}
