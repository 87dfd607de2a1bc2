package org.rollcall.core.result;

import java.io.PrintWriter;
import java.util.List;
import java.util.StringJoiner;
import org.rollcall.core.text.SafeText;

/**
 * The Nagios plugin contract: {@code SERVICE STATE: text | perfdata} on line 1, long output (the detail lines)
 * after it, exit 0/1/2/3. A {@code |} in text would start perfdata, so it is replaced in text lines.
 */
public final class NagiosRenderer implements Renderer {

  @Override
  public int render(Report report, PrintWriter out) {
    Status status = report.status();
    List<Finding> failures = report.failures();
    String text;
    if (failures.isEmpty()) {
      text = report.okSummary();
    } else {
      StringJoiner tokens = new StringJoiner(" ");
      for (Finding failure : failures) {
        tokens.add(failure.token());
      }
      text = failures.size() + " of " + report.findings().size() + " failed: " + tokens;
    }
    StringBuilder first = new StringBuilder(report.service()).append(' ').append(status).append(": ")
        .append(clean(text));
    if (!report.perfdata().isEmpty()) {
      StringJoiner values = new StringJoiner(" ");
      for (Perfdata value : report.perfdata()) {
        values.add(SafeText.escape(value.render()));
      }
      first.append(" | ").append(values);
    }
    out.print(first.append('\n'));
    for (Finding failure : failures) {
      printAll(out, failure.details());
    }
    printAll(out, report.notes());
    return status.nagiosCode();
  }

  @Override
  public int errorCode() {
    return Status.UNKNOWN.nagiosCode();
  }

  @Override
  public int renderError(String service, String message, Iterable<String> details, PrintWriter out) {
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
