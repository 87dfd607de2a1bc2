package org.rollcall.alerts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.rollcall.core.files.FileTrust;
import org.rollcall.core.text.SafeText;

/**
 * Where an alert goes when it cannot be delivered: appended whole to a file a person will read (a
 * line "UNDELIVERED ..." with the reason, then file.alert's record) and announced by one syslog
 * record.
 */
public final class Fallback {
  public static final String FILE_NAME = "rollcall-undelivered.log";
  public static final Path SYSTEM_DIRECTORY = Path.of("/var/lib/rollcall");

  private final String alertName;
  private final Path file;

  public Fallback(String alertName, Path file) {
    this.alertName = alertName;
    this.file = file;
  }

  /**
   * {@code --fallback}, else MON_STATEDIR's rollcall-undelivered.log, else
   * /var/lib/rollcall/undelivered.log.
   */
  public static Path choose(Path given, Map<String, String> env) {
    if (given != null) {
      return given;
    }
    String stateDir = env.get("MON_STATEDIR");
    return stateDir != null && !stateDir.isEmpty()
        ? Path.of(stateDir, FILE_NAME)
        : SYSTEM_DIRECTORY.resolve("undelivered.log");
  }

  public Path file() {
    return file;
  }

  /**
   * Appends the alert with {@code reason}; throws when even that fails. Syslog is written either
   * way.
   */
  public void save(Alert alert, String reason, Instant now) throws IOException {
    ByteArrayOutputStream record = new ByteArrayOutputStream();
    String head =
        "UNDELIVERED "
            + alertName
            + " "
            + now.truncatedTo(ChronoUnit.SECONDS)
            + ": "
            + SafeText.escape(reason)
            + "\n";
    record.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    record.writeBytes(FileRecord.of(alert, ZoneId.systemDefault()));
    try {
      LockedAppend.append(file, record.toByteArray(), true, FileTrust.Policy.APPEND_ONLY);
      announce(alert, reason + "; saved in " + file);
    } catch (IOException e) {
      announce(
          alert,
          reason
              + "; could NOT save it in "
              + file
              + " either ("
              + IoFailure.describe(e, file)
              + ")");
      throw e;
    }
  }

  private void announce(Alert alert, String what) {
    SystemLog.report(
        "err", alertName + ": undelivered " + alert.shortHeadline() + ": " + SafeText.escape(what));
  }
}
