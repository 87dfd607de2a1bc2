package org.rollcall.monitors.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenSshVersionTest {
  @ParameterizedTest
  @CsvSource({
    "9.2p1, 9.3, -1",
    "9.2p1, 9.2, 1",
    "9.2, 9.2p0, 0",
    "9.10, 9.9p9, 1",
    "10.0, 9.9p1, 1",
    "8.9p1, 8.9p2, -1"
  })
  void ordersByMajorMinorPortable(String a, String b, int sign) {
    assertThat(Integer.signum(OpenSshVersion.parse(a).compareTo(OpenSshVersion.parse(b))))
        .isEqualTo(sign);
  }

  @ParameterizedTest
  @CsvSource({"OpenSSH_9.2p1, 9.2p1", "OpenSSH_7.4, 7.4", "OpenSSH_9.6p1-hpn, 9.6p1"})
  void readsTheReleaseFromTheSoftwareVersion(String software, String release) {
    assertThat(OpenSshVersion.inSoftware(software)).map(OpenSshVersion::toString).contains(release);
  }

  @Test
  void otherSoftwareHasNoOpensshRelease() {
    assertThat(OpenSshVersion.inSoftware("dropbear_2022.83")).isEmpty();
    assertThat(OpenSshVersion.inSoftware("Not-OpenSSH_9.2")).isEmpty();
  }

  @Test
  void badMinimumsAreRejected() {
    assertThatThrownBy(() -> OpenSshVersion.parse("9"))
        .hasMessageContaining("'9' is not an OpenSSH release");
    assertThatThrownBy(() -> OpenSshVersion.parse("OpenSSH_9.2"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
