package org.rollcall.alerts.syslog;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.rollcall.alerts.AbstractAlert;
import org.rollcall.alerts.Alert;
import org.rollcall.alerts.AlertKind;
import org.rollcall.alerts.Delivery;
import org.rollcall.alerts.SystemLog;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.text.SafeText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** syslog.alert: one syslog(3) record per alert, with the summary and, if asked, the details. */
@Command(
    name = "syslog.alert",
    header = "Log an alert as one syslog record",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Logs the alert as one syslog(3) record, 'ALERT group/service: summary', with --details"
          + " followed by ' | detail | detail'. Control characters are escaped, so no monitor"
          + " output can forge a second record. syslog(3) reports no errors: use it beside"
          + " mail.alert or file.alert, not instead of them.",
      "",
      "Example, in mon.cf:",
      "",
      "  alert syslog.alert --facility local3 --details"
    })
public final class SyslogAlert extends AbstractAlert {
  /**
   * Details beyond this are cut: syslog daemons truncate long records anyway (rsyslog at 8 KiB by
   * default).
   */
  static final int MAX_DETAIL_CHARS = 2000;

  @Option(
      names = "--facility",
      paramLabel = "NAME",
      defaultValue = "daemon",
      description = "daemon, user, local0..local7, ... (default: ${DEFAULT-VALUE}).")
  String facility;

  @Option(
      names = "--priority",
      paramLabel = "NAME",
      description =
          "emerg, alert, crit, err, warning, notice, info, debug (default: err for a failure, notice "
              + "for anything else).")
  String priority;

  @Option(
      names = "--tag",
      paramLabel = "TAG",
      defaultValue = "mon",
      description = "The tag (default: ${DEFAULT-VALUE}).")
  String tag;

  @Option(names = "--details", description = "Add the detail lines, joined by ' | '.")
  boolean details;

  @Override
  protected Delivery delivery(Alert alert) {
    int code;
    int level;
    String levelName =
        priority != null ? priority : alert.kind() == AlertKind.FAILURE ? "err" : "notice";
    try {
      code = SystemLog.facility(facility);
      level = SystemLog.priority(levelName);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    String message = record(alert, details);
    return attempt -> {
      SystemLog.log(tag, code, level, message);
      return "to syslog (" + facility + "." + levelName + ", tag " + tag + ")";
    };
  }

  /** The record's text: the headline, then the escaped detail lines when asked. */
  static String record(Alert alert, boolean withDetails) {
    String text = alert.headline();
    if (withDetails && !alert.details().isBlank()) {
      String joined =
          Arrays.stream(alert.details().split("\n"))
              .filter(line -> !line.isBlank())
              .map(SafeText::escape)
              .collect(Collectors.joining(" | "));
      text +=
          " | "
              + (joined.length() > MAX_DETAIL_CHARS
                  ? joined.substring(0, MAX_DETAIL_CHARS) + "..."
                  : joined);
    }
    return text;
  }
}
