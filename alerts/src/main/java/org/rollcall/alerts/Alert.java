package org.rollcall.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.rollcall.core.text.SafeText;

/**
 * One alert as mon describes it: its flags, the monitor's output on stdin and the MON_* variables. The summary
 * and details are untrusted text (a monitor may quote a process name an attacker chose): each delivery escapes
 * them for its protocol. The raw bytes are kept for file.alert's byte-for-byte record.
 *
 * @param monAlertType MON_ALERTTYPE as given, or null
 * @param opStatus MON_OPSTATUS as given, or null
 * @param retval MON_RETVAL as given, or null
 * @param secondsUntilNext {@code -l} as given, or ""
 */
public record Alert(String group, String service, String hosts, long time, AlertKind kind, byte[] summaryBytes,
    MonitorOutput output, String monAlertType, String opStatus, String description, String retval,
    String secondsUntilNext) {

  /** Builds the alert from parsed flags, stdin and the environment; {@code now} stands in for a missing -t. */
  static Alert of(AlertOptions options, MonitorOutput output, Map<String, String> env, Instant now) {
    String monType = env.get("MON_ALERTTYPE");
    AlertKind kind = options.flaggedKind();
    if (kind == null) {
      kind = monType == null ? null : AlertKind.fromMonName(monType);
    }
    byte[] summary = options.summary != null ? options.summary.getBytes(StandardCharsets.UTF_8) : output.summaryLine();
    return new Alert(options.group, options.service, options.hosts,
        options.time != null ? options.time : now.getEpochSecond(), kind == null ? AlertKind.FAILURE : kind,
        summary, output, monType, env.get("MON_OPSTATUS"), env.getOrDefault("MON_DESCRIPTION", ""),
        env.get("MON_RETVAL"), options.secondsUntilNext);
  }

  /** The summary as text, invalid UTF-8 kept as escapable bytes; may hold control characters. */
  public String summary() {
    return SafeText.decode(summaryBytes);
  }

  /** The detail lines as text; may hold control characters. */
  public String details() {
    return SafeText.decode(output.details());
  }

  /** "ALERT group/service: summary" with the summary escaped, for one log line. */
  public String headline() {
    return kind.subjectWord() + " " + SafeText.escape(group + "/" + service) + ": " + SafeText.escape(summary());
  }
}
