package org.rollcall.core.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilesFirstUserDirectoryTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      passwd: files systemd                        | true
      passwd:files                                 | true
      '  passwd :   files   # then nothing'        | true
      passwd: files [SUCCESS=continue] ldap        | false
      passwd: files [NOTFOUND=return]              | false
      passwd: ldap files                           | false
      passwd: sss files                            | false
      passwd: compat                               | false
      '# passwd: files'                            | false
      group: files                                 | false
      passwdx: files                               | false
      ''                                           | false
      """)
  void filesAreFirstOnlyWhenNsswitchSaysSo(String conf, boolean filesFirst) {
    assertThat(FilesFirstUserDirectory.filesFirst("hosts: files dns\n" + conf + "\n", "passwd"))
        .isEqualTo(filesFirst);
  }

  @Test
  void theFilesAnswerWhatTheyHoldAndNssTheRest() throws IOException {
    RecordingDirectory nss = new RecordingDirectory();
    UserDirectory directory = directory("passwd: files systemd\ngroup: files\n", nss);
    assertThat(directory.uid("alice")).isEqualTo(OptionalInt.of(1000));
    assertThat(directory.gid("staff")).isEqualTo(OptionalInt.of(50));
    assertThat(directory.userName(1000)).contains("alice");
    assertThat(directory.groupName(50)).contains("staff");
    assertThat(nss.asked).isEmpty();
    assertThat(directory.uid("ldapuser")).isEqualTo(OptionalInt.of(20001));
    assertThat(directory.userName(20001)).contains("ldapuser");
    assertThat(directory.uid("nobody-anywhere")).isEmpty();
    assertThat(nss.asked).containsExactly("uid ldapuser", "userName 20001", "uid nobody-anywhere");
  }

  @Test
  void anotherSourceFirstSendsEveryLookupToNss() throws IOException {
    RecordingDirectory nss = new RecordingDirectory();
    UserDirectory directory = directory("passwd: ldap files\ngroup: sss files\n", nss);
    assertThat(directory.uid("alice")).isEqualTo(OptionalInt.of(1001));
    assertThat(directory.gid("staff")).isEmpty();
    assertThat(nss.asked).containsExactly("uid alice", "gid staff");
  }

  private UserDirectory directory(String nsswitch, UserDirectory nss) throws IOException {
    Path passwd =
        Files.writeString(
            dir.resolve("passwd"), "root:x:0:0::/root:/bin/sh\nalice:x:1000:1000::/:/bin/sh\n");
    Path group = Files.writeString(dir.resolve("group"), "root:x:0:\nstaff:x:50:alice\n");
    Path conf = Files.writeString(dir.resolve("nsswitch.conf"), nsswitch);
    return new FilesFirstUserDirectory(conf, new EtcFilesUserDirectory(passwd, group), nss);
  }

  /**
   * NSS as a directory server would answer (alice has another UID there), recording what it was
   * asked.
   */
  private static final class RecordingDirectory implements UserDirectory {
    private final Map<String, Integer> users = Map.of("alice", 1001, "ldapuser", 20001);
    final List<String> asked = new ArrayList<>();

    @Override
    public OptionalInt uid(String userName) {
      asked.add("uid " + userName);
      Integer uid = users.get(userName);
      return uid == null ? OptionalInt.empty() : OptionalInt.of(uid);
    }

    @Override
    public OptionalInt gid(String groupName) {
      asked.add("gid " + groupName);
      return OptionalInt.empty();
    }

    @Override
    public Optional<String> userName(int uid) {
      asked.add("userName " + uid);
      return users.entrySet().stream()
          .filter(e -> e.getValue() == uid)
          .map(Map.Entry::getKey)
          .findFirst();
    }

    @Override
    public Optional<String> groupName(int gid) {
      asked.add("groupName " + gid);
      return Optional.empty();
    }
  }
}
