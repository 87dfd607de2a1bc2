package org.rollcall.alerts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/**
 * The record mon's file.alert appends, byte for byte:
 *
 * <pre>
 * TYPE GROUP SERVICE TIME (wday mon day hh:mm:ss) SUMMARY
 * DESCR=MON_DESCRIPTION
 * OPSTATUS=MON_OPSTATUS
 * details as received...
 * .
 * </pre>
 *
 * The details are copied unchanged, as the Perl alert does (so a detail line reading "." looks like
 * the end of the record there too; the record is for people, and compatibility wins).
 */
public final class FileRecord {
  private FileRecord() {}

  public static byte[] of(Alert alert, ZoneId zone) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String type =
        alert.monAlertType() == null || alert.monAlertType().isEmpty()
            ? "UNKNOWN ALERT"
            : alert.monAlertType();
    write(
        out,
        type
            + " "
            + alert.group()
            + " "
            + alert.service()
            + " "
            + alert.time()
            + " ("
            + MonTime.shortForm(alert.time(), zone)
            + ") ");
    out.writeBytes(alert.summaryBytes());
    String opStatus = alert.opStatus() == null ? "UNKNOWN OPSTATUS" : alert.opStatus();
    write(out, "\nDESCR=" + alert.description() + "\nOPSTATUS=" + opStatus + "\n");
    out.writeBytes(alert.output().details());
    write(out, ".\n");
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
