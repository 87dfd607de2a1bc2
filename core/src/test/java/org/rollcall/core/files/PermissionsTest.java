package org.rollcall.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PermissionsTest {
  @Test
  void grantsWhatLsWouldShow() {
    for (String rwx :
        new String[] {
          "rw-------", "rw-rw-r--", "rwxr-x---", "---------", "rwxrwxrwx", "r---w---x"
        }) {
      assertThat(Permissions.of(rwx).value())
          .as(rwx)
          .isEqualTo(PosixFilePermissions.fromString(rwx));
    }
    assertThat(Permissions.of("rw-------").name()).isEqualTo("posix:permissions");
  }

  @Test
  void refusesWhatLsWouldNot() {
    assertThatThrownBy(() -> Permissions.of("rw-"))
        .hasMessage("not nine permission characters: rw-");
    assertThatThrownBy(() -> Permissions.of("wr-------")).hasMessage("'w' at 1 of wr-------");
    assertThatThrownBy(() -> Permissions.of("rwsr-xr-x")).hasMessage("'s' at 3 of rwsr-xr-x");
  }

  @Test
  void aFileCreatedWithThemHasThemLessTheUmask(@TempDir Path dir) throws Exception {
    Path file = Files.createFile(dir.resolve("f"), Permissions.of("rw-------"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }
}
