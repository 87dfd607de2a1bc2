package org.rollcall.alerts.webhook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on a loopback port that answers every request with a status line and headers at
 * once, then a body that never ends: chunks of 64 KiB up to 100 MiB, or one byte a second.
 */
final class EndlessHttpPeer implements AutoCloseable {
  static final long MAX_BYTES = 100L << 20;

  private final ServerSocket server;
  private final int status;
  private final boolean trickle;
  private final AtomicInteger requests = new AtomicInteger();

  EndlessHttpPeer(int status, boolean trickle) throws IOException {
    this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    this.status = status;
    this.trickle = trickle;
    Thread acceptor = new Thread(this::acceptLoop, "endless-http");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/hook";
  }

  int requests() {
    return requests.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread worker = new Thread(() -> serve(client), "endless-http-client");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
      int length = 0;
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      in.skip(length);
      requests.incrementAndGet();
      OutputStream out = client.getOutputStream();
      out.write(
          ("HTTP/1.1 "
                  + status
                  + " Whatever\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] chunk = new byte[trickle ? 1 : 64 * 1024];
      Arrays.fill(chunk, (byte) 'x');
      byte[] head =
          (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      for (long sent = 0; sent < MAX_BYTES; sent += chunk.length) {
        out.write(head);
        out.write(chunk);
        out.write('\r');
        out.write('\n');
        out.flush();
        if (trickle) {
          Thread.sleep(1000);
        }
      }
    } catch (IOException | InterruptedException | NumberFormatException e) {
      // The client hung up, or the server was closed: nothing more to send.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
