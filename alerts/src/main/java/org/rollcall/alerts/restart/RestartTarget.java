package org.rollcall.alerts.restart;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** What restart.alert runs, and the name its restart record is kept under. */
record RestartTarget(List<String> command, String shortName) {
  /** The command as a person reads it, arguments escaped, e.g. "systemctl restart ssh.service". */
  String describe() {
    return String.join(" ", command);
  }

  /**
   * {@code DIR/restart-NAME-HASH.log}: the name for people, the hash of the whole command so two
   * commands with the same program but different arguments keep separate limits.
   */
  Path ledgerIn(Path directory) {
    String name = shortName.replaceAll("[^A-Za-z0-9_.@-]", "_");
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(String.join("\0", command).getBytes(StandardCharsets.UTF_8));
      return directory.resolve(
          "restart-" + name + "-" + HexFormat.of().formatHex(hash, 0, 4) + ".log");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
