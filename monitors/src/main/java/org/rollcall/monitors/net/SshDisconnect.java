package org.rollcall.monitors.net;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An unencrypted SSH_MSG_DISCONNECT packet (RFC 4253 sections 6 and 11.1), sent after the
 * identification exchange: sshd then logs "Received disconnect ... 11: ..." instead of a protocol
 * error.
 */
final class SshDisconnect {
  static final int SSH_MSG_DISCONNECT = 1;
  static final int SSH_DISCONNECT_BY_APPLICATION = 11;
  static final String REASON = "rollcall ssh.monitor check done";

  /** Before key exchange the cipher block size is 8; padding is at least 4 bytes. */
  private static final int BLOCK = 8;

  private SshDisconnect() {}

  /** The whole packet: length, padding length, payload, zero padding. */
  static byte[] packet() {
    try {
      ByteArrayOutputStream payload = new ByteArrayOutputStream();
      DataOutputStream fields = new DataOutputStream(payload);
      fields.writeByte(SSH_MSG_DISCONNECT);
      fields.writeInt(SSH_DISCONNECT_BY_APPLICATION);
      byte[] reason = REASON.getBytes(StandardCharsets.UTF_8);
      fields.writeInt(reason.length);
      fields.write(reason);
      fields.writeInt(0);
      int padding = BLOCK - (4 + 1 + payload.size()) % BLOCK;
      padding = padding < 4 ? padding + BLOCK : padding;
      ByteArrayOutputStream packet = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(packet);
      out.writeInt(1 + payload.size() + padding);
      out.writeByte(padding);
      out.write(payload.toByteArray());
      out.write(new byte[padding]);
      return packet.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
  }

  /** Sends the packet; a peer that is already gone does not change the verdict. */
  static void send(OutputStream out) {
    try {
      out.write(packet());
      out.flush();
    } catch (IOException ignored) {
      // The identification was read, which is all the check needs.
    }
  }
}
