package org.rollcall.monitors.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostAddressesTest {
  @ParameterizedTest
  @CsvSource({
    "::1, ::1",
    "[::1], ::1",
    "127.0.0.1, 127.0.0.1",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
    "0:0:0:0:0:0:0:0, ::",
    "fe80:0:0:0:0:0:0:0, fe80::"
  })
  void literalsResolveToThemselvesInShortForm(String host, String text)
      throws UnknownHostException {
    assertThat(HostAddresses.resolve(host))
        .singleElement()
        .satisfies(address -> assertThat(HostAddresses.text(address)).isEqualTo(text));
  }

  @Test
  void portsAreJoinedAsPeopleWriteThem() throws UnknownHostException {
    assertThat(HostAddresses.withPort(InetAddress.getByName("::1"), 22)).isEqualTo("[::1]:22");
    assertThat(HostAddresses.withPort(InetAddress.getByName("127.0.0.1"), 22))
        .isEqualTo("127.0.0.1:22");
  }

  @Test
  void emptyAndUnknownNamesFail() {
    assertThatThrownBy(() -> HostAddresses.resolve("[]")).isInstanceOf(UnknownHostException.class);
    assertThatThrownBy(() -> HostAddresses.resolve("nosuch.invalid"))
        .isInstanceOf(UnknownHostException.class);
  }
}
