package org.rollcall.alerts;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.text.SafeText;

/**
 * Hands the mail to the local MTA as mon's mail.alert does: {@code sendmail -oi -t [-f FROM -F FROM]}, the
 * recipients taken from the message's To header. The MTA queues and retries; a non-zero exit is a failure, and
 * EX_TEMPFAIL (75) is worth retrying.
 */
final class SendmailDelivery implements Delivery {
  private static final int EX_TEMPFAIL = 75;
  private static final int MAX_OUTPUT = 2000;

  private final Path sendmail;
  private final String from;
  private final MimeMessage message;
  private final String recipients;

  SendmailDelivery(Path sendmail, String from, MimeMessage message, String recipients) {
    this.sendmail = sendmail;
    this.from = from;
    this.message = message;
    this.recipients = recipients;
  }

  @Override
  public String deliver(Deadline attempt) throws DeliveryException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(sendmail.toString(), "-oi", "-t"));
    if (from != null) {
      command.addAll(List.of("-f", from, "-F", from));
    }
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new DeliveryException("cannot run " + sendmail + ": " + e.getMessage(), false, e);
    }
    ByteArrayOutputStream said = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> drain(process.getInputStream(), said), "rollcall-sendmail-output");
    reader.setDaemon(true);
    reader.start();
    try (OutputStream in = process.getOutputStream()) {
      message.writeTo(in);
    } catch (IOException | MessagingException e) {
      // The exit status says more (sendmail may have refused the input early).
    }
    if (!process.waitFor(attempt.remaining().toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new DeliveryException(sendmail + " did not finish within " + attempt.total().toSeconds() + " s", true);
    }
    reader.join(1000);
    int exit = process.exitValue();
    if (exit != 0) {
      String output;
      synchronized (said) {
        output = said.toString(StandardCharsets.UTF_8).trim();
      }
      throw new DeliveryException(sendmail + " exited with " + exit + (output.isEmpty() ? "" : ": "
          + SafeText.escape(output)), exit == EX_TEMPFAIL);
    }
    return "to " + recipients + " via " + sendmail;
  }

  private static void drain(InputStream in, ByteArrayOutputStream said) {
    byte[] chunk = new byte[1024];
    try {
      int n;
      while ((n = in.read(chunk)) > 0) {
        synchronized (said) {
          said.write(chunk, 0, Math.max(0, Math.min(n, MAX_OUTPUT - said.size())));
        }
      }
    } catch (IOException e) {
      // The process ended; what it said so far is kept.
    }
  }
}
