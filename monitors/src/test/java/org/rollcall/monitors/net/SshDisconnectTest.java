package org.rollcall.monitors.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The packet layout of RFC 4253 section 6, field by field (a real sshd's log is checked in
 * SshMonitorTest).
 */
class SshDisconnectTest {
  @Test
  void packetIsWellFormed() {
    ByteBuffer packet = ByteBuffer.wrap(SshDisconnect.packet());
    int packetLength = packet.getInt();
    int padding = packet.get();
    assertThat(packet.capacity()).isEqualTo(4 + packetLength);
    assertThat(packet.capacity() % 8).isZero();
    assertThat(padding).isBetween(4, 255);
    assertThat(packet.get()).isEqualTo((byte) SshDisconnect.SSH_MSG_DISCONNECT);
    assertThat(packet.getInt()).isEqualTo(SshDisconnect.SSH_DISCONNECT_BY_APPLICATION);
    byte[] reason = new byte[packet.getInt()];
    packet.get(reason);
    assertThat(new String(reason, StandardCharsets.UTF_8)).isEqualTo(SshDisconnect.REASON);
    assertThat(packet.getInt()).as("empty language tag").isZero();
    assertThat(packet.remaining()).isEqualTo(padding);
  }
}
