package org.rollcall.monitors.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.rollcall.core.cli.Deadline;
import org.rollcall.monitors.net.SocketReader.End;
import org.rollcall.monitors.net.SocketReader.Received;

/**
 * Against a real loopback server that writes what each test tells it to, at the pace it tells it
 * to.
 */
class SocketReaderTest {
  @FunctionalInterface
  interface Server {
    void write(OutputStream out) throws IOException, InterruptedException;
  }

  private static Received readFrom(
      Server server, Duration budget, int maxBytes, SocketReader.Enough enough) throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
        Socket client = new Socket()) {
      Thread peer =
          new Thread(
              () -> {
                try (Socket accepted = listener.accept()) {
                  server.write(accepted.getOutputStream());
                  accepted.getInputStream().read();
                } catch (IOException | InterruptedException e) {
                  // The test is over.
                }
              });
      peer.setDaemon(true);
      peer.start();
      client.connect(new InetSocketAddress("127.0.0.1", listener.getLocalPort()), 1_000);
      return SocketReader.read(client, Deadline.after(budget), maxBytes, enough);
    }
  }

  private static String text(Received received) {
    return new String(received.bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void stopsAsSoonAsEnoughArrived() throws Exception {
    Received received =
        readFrom(
            out -> out.write("220 hi\r\nmore".getBytes(StandardCharsets.US_ASCII)),
            Duration.ofSeconds(2),
            100,
            (data, length) -> length >= 3);
    assertThat(received.end()).isEqualTo(End.ENOUGH);
    assertThat(text(received)).startsWith("220");
  }

  @Test
  void endOfStreamKeepsWhatCame() throws Exception {
    Received received =
        readFrom(
            out -> {
              out.write("bye".getBytes(StandardCharsets.US_ASCII));
              out.close();
            },
            Duration.ofSeconds(2),
            100,
            (data, length) -> false);
    assertThat(received.end()).isEqualTo(End.EOF);
    assertThat(text(received)).isEqualTo("bye");
  }

  @Test
  void theLimitEndsAnEndlessStream() throws Exception {
    Received received =
        readFrom(
            out -> {
              for (int i = 0; i < 10_000; i++) {
                out.write(new byte[100]);
              }
            },
            Duration.ofSeconds(2),
            5_000,
            (data, length) -> false);
    assertThat(received.end()).isEqualTo(End.LIMIT);
    assertThat(received.length()).isEqualTo(5_000);
  }

  /**
   * A byte every 100 ms for 10 s: a deadline that each byte pushed back would read all 100 and the
   * end of the stream; the real one ends the read at 700 ms with what came by then.
   */
  @Test
  void aTrickleCannotStretchTheDeadline() throws Exception {
    Received received =
        readFrom(
            out -> {
              for (int i = 0; i < 100; i++) {
                out.write('x');
                out.flush();
                Thread.sleep(100);
              }
              out.close();
            },
            Duration.ofMillis(700),
            1_000,
            (data, length) -> false);
    assertThat(received.end()).isEqualTo(End.DEADLINE);
    assertThat(received.length()).isBetween(1, 99);
  }
}
