package org.rollcall.core.ids;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/** User and group names and IDs, as the system resolves them. */
public interface UserDirectory {
  OptionalInt uid(String userName);

  OptionalInt gid(String groupName);

  Optional<String> userName(int uid);

  Optional<String> groupName(int gid);

  /**
   * The system's directory: NSS through libc (so LDAP and sssd users resolve) loaded only on first use, with
   * {@code /etc/passwd} and {@code /etc/group} as the fallback when libc cannot be reached.
   */
  static UserDirectory system() {
    return new NssUserDirectory(new EtcFilesUserDirectory(Path.of("/etc/passwd"), Path.of("/etc/group")));
  }
}
