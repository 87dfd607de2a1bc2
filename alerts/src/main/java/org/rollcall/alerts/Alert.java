package org.rollcall.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.rollcall.core.text.SafeText;

/**
 * One alert as mon describes it: its flags, the monitor's output on stdin and the MON_* variables.
 * The summary and details are untrusted text (a monitor may quote a process name an attacker
 * chose): each delivery escapes them for its protocol. The raw bytes are kept for file.alert's
 * byte-for-byte record.
 *
 * @param monAlertType MON_ALERTTYPE as given, or null
 * @param opStatus MON_OPSTATUS as given, or null
 * @param retval MON_RETVAL as given, or null
 * @param secondsUntilNext {@code -l} as given, or ""
 */
public record Alert(
    String group,
    String service,
    String hosts,
    long time,
    AlertKind kind,
    byte[] summaryBytes,
    MonitorOutput output,
    String monAlertType,
    String opStatus,
    String description,
    String retval,
    String secondsUntilNext) {

  /**
   * Builds the alert from parsed flags, stdin and the environment; {@code now} stands in for a
   * missing -t.
   */
  public static Alert of(
      AlertOptions options, MonitorOutput output, Map<String, String> env, Instant now) {
    String monType = env.get("MON_ALERTTYPE");
    AlertKind kind = options.flaggedKind();
    if (kind == null) {
      kind = monType == null ? null : AlertKind.fromMonName(monType);
    }
    byte[] summary =
        options.summary != null
            ? options.summary.getBytes(StandardCharsets.UTF_8)
            : output.summaryLine();
    return new Alert(
        options.group,
        options.service,
        options.hosts,
        options.time != null ? options.time : now.getEpochSecond(),
        kind == null ? AlertKind.FAILURE : kind,
        summary,
        output,
        monType,
        env.get("MON_OPSTATUS"),
        env.getOrDefault("MON_DESCRIPTION", ""),
        env.get("MON_RETVAL"),
        options.secondsUntilNext);
  }

  /**
   * The summary as text, invalid UTF-8 kept as escapable bytes; may hold control characters. One
   * carriage return at its end is dropped: a monitor writing CRLF would otherwise put a literal \r
   * in every subject, message and log line (file.alert's record keeps the bytes, as mon's does).
   */
  public String summary() {
    int end = summaryBytes.length;
    if (end > 0 && summaryBytes[end - 1] == '\r') {
      end--;
    }
    return SafeText.decode(java.util.Arrays.copyOf(summaryBytes, end));
  }

  /** The detail lines as text; may hold control characters. */
  public String details() {
    return SafeText.decode(output.details());
  }

  /** How much of the summary the alert's own one line and its syslog notes quote. */
  public static final int QUOTED_SUMMARY_CHARS = 200;

  /** "ALERT group/service: summary" with the summary escaped, for one log line. */
  public String headline() {
    return kind.subjectWord()
        + " "
        + SafeText.escape(group + "/" + service)
        + ": "
        + SafeText.escape(summary());
  }

  /**
   * The headline with the summary cut after {@link #QUOTED_SUMMARY_CHARS} characters and "...":
   * what the alert's own stdout line quotes (mon puts it in its log), while the delivery and the
   * fallback file keep the whole.
   */
  public String shortHeadline() {
    String summary = SafeText.escape(summary());
    if (summary.length() > QUOTED_SUMMARY_CHARS) {
      int end = QUOTED_SUMMARY_CHARS;
      if (Character.isHighSurrogate(summary.charAt(end - 1))) {
        end--;
      }
      summary = summary.substring(0, end) + "...";
    }
    return kind.subjectWord() + " " + SafeText.escape(group + "/" + service) + ": " + summary;
  }
}
