package org.rollcall.alerts.file;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.rollcall.alerts.AbstractAlert;
import org.rollcall.alerts.Alert;
import org.rollcall.alerts.Delivery;
import org.rollcall.alerts.DeliveryException;
import org.rollcall.alerts.FileRecord;
import org.rollcall.alerts.LockedAppend;
import org.rollcall.core.files.FileTrust;
import org.rollcall.core.files.UntrustedFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * file.alert: appends the alert to a file, byte for byte as mon's file.alert does, each record in
 * one locked write so concurrent alerts never interleave.
 */
@Command(
    name = "file.alert",
    header = "Append an alert to a file in mon's file.alert format",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Appends the alert to FILE (default: 'file'), in DIR with -d, in the format of mon's own"
          + " file.alert: 'TYPE GROUP SERVICE TIME (date) SUMMARY', DESCR=, OPSTATUS=, the"
          + " details, then a line '.'. Each record is written whole under a lock; a missing"
          + " directory is not created (the alert goes to the fallback file).",
      "",
      "Example, in mon.cf:",
      "",
      "  alert file.alert -d /var/log/mon alerts.log"
    })
public final class FileAlert extends AbstractAlert {
  @Option(names = "-d", paramLabel = "DIR", description = "The directory FILE is in.")
  Path directory;

  @Parameters(
      paramLabel = "FILE",
      description =
          "The file to append to; further arguments are ignored, as by " + "mon's file.alert.")
  List<String> files = new ArrayList<>();

  @Override
  protected Delivery delivery(Alert alert) {
    String name = files.isEmpty() ? "file" : files.get(0);
    Path file = directory == null ? Path.of(name) : directory.resolve(name);
    byte[] record = FileRecord.of(alert, ZoneId.systemDefault());
    return attempt -> {
      try {
        LockedAppend.append(file, record, false, FileTrust.Policy.APPEND_ONLY);
        return "to " + file;
      } catch (UntrustedFileException e) {
        throw new DeliveryException(
            "refusing to append to " + file + ": " + e.getReason(), false, e);
      } catch (NoSuchFileException e) {
        throw new DeliveryException("cannot append to " + file + ": no such directory", false, e);
      } catch (IOException e) {
        throw new DeliveryException("cannot append to " + file + ": " + describe(e), true, e);
      }
    };
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName().replace("Exception", "") + " " + e.getMessage();
  }
}
