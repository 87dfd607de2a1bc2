package org.rollcall.core.proc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialsTest {
  private static Credentials ids(int[] uids, int[] gids, int... groups) {
    return new Credentials(uids, gids, groups);
  }

  @Test
  void rootGroupKeptWithoutRootUserIsTheSetuidBeforeSetgidMark() {
    int[] nobody = {65534, 65534, 65534, 65534};
    assertThat(ids(nobody, new int[] {65534, 65534, 0, 65534}).keepsRootGroup(false)).isTrue();
    assertThat(ids(nobody, new int[] {65534, 65534, 65534, 65534}, 0).keepsRootGroup(true))
        .isTrue();
    assertThat(ids(nobody, new int[] {65534, 65534, 65534, 65534}, 0).keepsRootGroup(false))
        .isFalse();
    assertThat(ids(new int[] {65534, 65534, 0, 65534}, new int[] {0, 0, 0, 0}).keepsRootGroup(true))
        .isFalse();
  }
}
