package org.rollcall.alerts.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server on a loopback port that speaks the protocol but answers RCPT TO with a reply
 * chosen by the test (a 550 or a 451), to check how mail.alert treats refusals a well-behaved
 * server like GreenMail does not give.
 */
final class ScriptedSmtpServer implements AutoCloseable {
  private final ServerSocket socket;
  private final String rcptReply;
  private final String greeting;
  private final AtomicInteger sessions = new AtomicInteger();
  private final Thread thread;

  ScriptedSmtpServer(String rcptReply) throws IOException {
    this("220 scripted ESMTP", rcptReply);
  }

  /** A server that greets with {@code greeting} ("554 5.7.1 go away" refuses the session). */
  ScriptedSmtpServer(String greeting, String rcptReply) throws IOException {
    this.greeting = greeting;
    this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    this.rcptReply = rcptReply;
    this.thread = new Thread(this::serve, "scripted-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  /** How many connections were served. */
  int sessions() {
    return sessions.get();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept();
          BufferedReader in =
              new BufferedReader(
                  new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
          PrintWriter out =
              new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
        sessions.incrementAndGet();
        out.print(greeting + "\r\n");
        out.flush();
        String line;
        while ((line = in.readLine()) != null) {
          String verb =
              line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
          String reply =
              switch (verb) {
                case "EHLO", "HELO" -> "250 scripted";
                case "MAIL" -> "250 ok";
                case "RCPT" -> rcptReply;
                case "QUIT" -> "221 bye";
                default -> "503 bad sequence";
              };
          out.print(reply + "\r\n");
          out.flush();
          if (verb.equals("QUIT")) {
            break;
          }
        }
      } catch (IOException e) {
        // The socket was closed by close(), or the client went away: serve the next one, or end.
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
