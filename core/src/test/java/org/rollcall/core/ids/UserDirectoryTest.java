package org.rollcall.core.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDirectoryTest {
  @TempDir Path dir;

  @Test
  void nssResolvesThisSystemsUsersAndGroups() {
    UserDirectory system = UserDirectory.system();
    assertThat(system.uid("root")).isEqualTo(OptionalInt.of(0));
    assertThat(system.uid("nobody")).isEqualTo(OptionalInt.of(65534));
    assertThat(system.gid("root")).isEqualTo(OptionalInt.of(0));
    assertThat(system.userName(0)).contains("root");
    assertThat(system.groupName(0)).contains("root");
    assertThat(system.uid("no-such-user-here")).isEmpty();
    assertThat(system.userName(1_234_567)).isEmpty();
  }

  @Test
  void passwdFilesAreTheFallback() throws IOException {
    Path passwd =
        Files.writeString(
            dir.resolve("passwd"),
            "root:x:0:0:root:/root:/bin/bash\n"
                + "# comment\nbroken line\nldapuser:x:20001:100::/home/l:/bin/sh\n");
    Path group = Files.writeString(dir.resolve("group"), "root:x:0:\nadm:x:4:syslog\n");
    UserDirectory files = new EtcFilesUserDirectory(passwd, group);
    assertThat(files.uid("ldapuser")).isEqualTo(OptionalInt.of(20001));
    assertThat(files.userName(20001)).isEqualTo(Optional.of("ldapuser"));
    assertThat(files.gid("adm")).isEqualTo(OptionalInt.of(4));
    assertThat(files.groupName(4)).isEqualTo(Optional.of("adm"));
    assertThat(files.uid("broken line")).isEmpty();
    assertThat(new EtcFilesUserDirectory(dir.resolve("none"), dir.resolve("none")).uid("root"))
        .isEmpty();
  }
}
