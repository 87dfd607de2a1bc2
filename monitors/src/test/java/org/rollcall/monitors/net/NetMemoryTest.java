package org.rollcall.monitors.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rollcall.monitors.IsolatedRun;
import org.rollcall.monitors.peers.FakePeer;

/**
 * Peers that stream without end (up to 100 MB each): the monitor, in a JVM with a 32 MB heap, reads
 * at most --max-bytes from each, says how many it read, and ends in time.
 */
class NetMemoryTest {
  static final long STREAM_BYTES = 100L << 20;
  static final List<String> SMALL_HEAP = List.of("-Xmx32m", "-XX:+UseSerialGC", "-XX:-UsePerfData");

  private final AtomicLong sent = new AtomicLong();
  private final List<FakePeer> peers = new ArrayList<>();

  @BeforeEach
  void clear() {
    sent.set(0);
  }

  @AfterEach
  void stop() throws IOException {
    for (FakePeer peer : peers) {
      peer.close();
    }
  }

  /** Streams "x" (no line break, never a greeting) until 100 MB are out or the client goes away. */
  private FakePeer.Behaviour endless() {
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) 'x');
    return socket -> {
      OutputStream out = socket.getOutputStream();
      for (long n = 0; n < STREAM_BYTES; n += chunk.length) {
        out.write(chunk);
        sent.addAndGet(chunk.length);
      }
    };
  }

  /** {@code count} streaming hosts from 127.0.0.2 up on one port. */
  private List<String> streamingHosts(int count) throws IOException {
    FakePeer first = FakePeer.start("127.0.0.2", endless());
    peers.add(first);
    List<String> hosts = new ArrayList<>(List.of("127.0.0.2"));
    for (int i = 1; i < count; i++) {
      String address = "127.0.0." + (i + 2);
      peers.add(FakePeer.start(address, first.port(), endless()));
      hosts.add(address);
    }
    return hosts;
  }

  private static String[] args(List<String> hosts, String... options) {
    List<String> all = new ArrayList<>(List.of(options));
    all.addAll(hosts);
    return all.toArray(String[]::new);
  }

  @Test
  void portMonitorReadsAtMostMaxBytes() throws Exception {
    List<String> hosts = streamingHosts(1);
    int port = peers.get(0).port();
    IsolatedRun.Result run =
        IsolatedRun.run(
            SMALL_HEAP,
            "port.monitor",
            args(
                hosts,
                "-t",
                "10",
                "-p",
                "" + port,
                "--expect",
                "^220 ",
                "--max-bytes",
                "" + (8 << 20)));
    assertThat(run.stdout().lines())
        .containsExactly(
            "127.0.0.2",
            "127.0.0.2:"
                + port
                + ": expected /^220 /, "
                + "not found in the first 8388608 bytes: \""
                + "x".repeat(80)
                + "\"... (first 80 of 8388608 bytes) "
                + "(--max-bytes)");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.stderr()).isEmpty();
    assertThat(sent.get())
        .as("bytes the peer could send before the monitor hung up")
        .isLessThan(STREAM_BYTES);
  }

  @Test
  void manyHostsStreamingAtOnceStayWithinTheHeap() throws Exception {
    List<String> hosts = streamingHosts(20);
    int port = peers.get(0).port();
    IsolatedRun.Result run =
        IsolatedRun.run(
            SMALL_HEAP,
            "port.monitor",
            args(
                hosts,
                "-t",
                "10",
                "-p",
                "" + port,
                "--expect",
                "^220 ",
                "--max-bytes",
                "" + (1 << 20)));
    List<String> lines = run.stdout().lines().toList();
    assertThat(lines).hasSize(21);
    assertThat(lines.subList(1, 21))
        .allMatch(
            line ->
                line.endsWith(
                    ": expected /^220 /, not found in the first "
                        + "1048576 bytes: \""
                        + "x".repeat(80)
                        + "\"... (first 80 of 1048576 bytes) (--max-bytes)"));
    assertThat(run.exit()).isEqualTo(1);
  }

  @Test
  void sshMonitorReadsAtMostEightKilobytes() throws Exception {
    List<String> hosts = streamingHosts(1);
    int port = peers.get(0).port();
    IsolatedRun.Result run =
        IsolatedRun.run(SMALL_HEAP, "ssh.monitor", args(hosts, "-t", "10", "-p", "" + port));
    assertThat(run.stdout().lines())
        .containsExactly(
            "127.0.0.2",
            "127.0.0.2:"
                + port
                + ": no SSH identification "
                + "in the first 8192 bytes: \""
                + "x".repeat(80)
                + "\"... (first 80 of 8192 bytes)");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.millis()).isLessThan(5000);
  }
}
