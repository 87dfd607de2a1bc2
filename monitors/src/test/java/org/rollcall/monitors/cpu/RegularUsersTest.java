package org.rollcall.monitors.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegularUsersTest {
  @Test
  void readsUidMinAndMaxIgnoringComments(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("login.defs"),
            "#UID_MIN 1\nUID_MIN\t\t\t 500\n  UID_MAX 999 # trailing\nSYS_UID_MAX 499\n");
    RegularUsers users = RegularUsers.fromLoginDefs(file);
    assertThat(users).isEqualTo(new RegularUsers(500, 999));
    assertThat(users.contains(499)).isFalse();
    assertThat(users.contains(500)).isTrue();
    assertThat(users.contains(1000)).isFalse();
  }

  @Test
  void withoutTheFileDebiansDefaultsApplyAndNobodyIsNoUser(@TempDir Path dir) {
    RegularUsers users = RegularUsers.fromLoginDefs(dir.resolve("absent"));
    assertThat(users).isEqualTo(new RegularUsers(1000, 60000));
    assertThat(users.contains(65534)).isFalse();
    assertThat(users.contains(-1)).isFalse();
  }
}
