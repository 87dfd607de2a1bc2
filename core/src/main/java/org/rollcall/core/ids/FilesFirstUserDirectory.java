package org.rollcall.core.ids;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.rollcall.core.text.Ascii;
import org.rollcall.core.text.FileText;

/**
 * Answers from the passwd and group files when nsswitch.conf asks them first, as the C library
 * would, and asks NSS only for what they do not hold. A rule naming a local user so never loads JNA
 * and libc (bench/README.md); with another source first (LDAP, sssd, compat) every lookup goes to
 * NSS.
 */
final class FilesFirstUserDirectory implements UserDirectory {
  private final Path nsswitchConf;
  private final UserDirectory files;
  private final UserDirectory nss;
  private Boolean passwdFirst;
  private Boolean groupFirst;

  FilesFirstUserDirectory(Path nsswitchConf, UserDirectory files, UserDirectory nss) {
    this.nsswitchConf = nsswitchConf;
    this.files = files;
    this.nss = nss;
  }

  @Override
  public OptionalInt uid(String userName) {
    OptionalInt local = passwdFirst() ? files.uid(userName) : OptionalInt.empty();
    return local.isPresent() ? local : nss.uid(userName);
  }

  @Override
  public OptionalInt gid(String groupName) {
    OptionalInt local = groupFirst() ? files.gid(groupName) : OptionalInt.empty();
    return local.isPresent() ? local : nss.gid(groupName);
  }

  @Override
  public Optional<String> userName(int uid) {
    Optional<String> local = passwdFirst() ? files.userName(uid) : Optional.empty();
    return local.isPresent() ? local : nss.userName(uid);
  }

  @Override
  public Optional<String> groupName(int gid) {
    Optional<String> local = groupFirst() ? files.groupName(gid) : Optional.empty();
    return local.isPresent() ? local : nss.groupName(gid);
  }

  private boolean passwdFirst() {
    if (passwdFirst == null) {
      passwdFirst = filesFirst(readConf(), "passwd");
    }
    return passwdFirst;
  }

  private boolean groupFirst() {
    if (groupFirst == null) {
      groupFirst = filesFirst(readConf(), "group");
    }
    return groupFirst;
  }

  private String readConf() {
    try {
      return FileText.read(nsswitchConf, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * Whether nsswitch.conf(5) text makes {@code database} ask {@code files} first and stop at what
   * it finds: its first source is {@code files}, with no action item after it (one could say {@code
   * [SUCCESS=continue]}). A database the file does not list is false: the C library's built-in
   * default is left to NSS.
   */
  static boolean filesFirst(String conf, String database) {
    for (String line : conf.split("\n")) {
      int comment = line.indexOf('#');
      String entry = (comment < 0 ? line : line.substring(0, comment)).strip();
      int colon = entry.indexOf(':');
      if (colon < 0 || !entry.substring(0, colon).strip().equals(database)) {
        continue;
      }
      List<String> sources = Ascii.words(entry.substring(colon + 1));
      return !sources.isEmpty()
          && sources.get(0).equals("files")
          && (sources.size() == 1 || !sources.get(1).startsWith("["));
    }
    return false;
  }
}
