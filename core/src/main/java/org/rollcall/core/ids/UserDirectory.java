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
   * The system's directory: {@code /etc/passwd} and {@code /etc/group} when nsswitch.conf asks them
   * first and they hold the answer, otherwise NSS through libc (so LDAP and sssd users resolve)
   * loaded only then, with the files as the fallback when libc cannot be reached.
   */
  static UserDirectory system() {
    UserDirectory files = new EtcFilesUserDirectory(Path.of("/etc/passwd"), Path.of("/etc/group"));
    return new FilesFirstUserDirectory(
        Path.of("/etc/nsswitch.conf"), files, new NssOnDemand(files));
  }
}
