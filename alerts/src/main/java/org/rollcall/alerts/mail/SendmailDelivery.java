package org.rollcall.alerts.mail;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rollcall.alerts.BoundedProcess;
import org.rollcall.alerts.Delivery;
import org.rollcall.alerts.DeliveryException;
import org.rollcall.core.cli.Deadline;

/**
 * Hands the mail to the local MTA as mon's mail.alert does: {@code sendmail -oi -t [-f FROM -F
 * FROM]}, the recipients taken from the message's To header. The MTA queues and retries; a non-zero
 * exit is a failure, and EX_TEMPFAIL (75) is worth retrying.
 */
final class SendmailDelivery implements Delivery {
  private static final int EX_TEMPFAIL = 75;

  private final Path sendmail;
  private final String from;
  private final MimeMessage message;
  private final String recipients;

  @Override
  public String target() {
    return sendmail.toString();
  }

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
    BoundedProcess.Result result;
    try {
      result = BoundedProcess.run(command, message::writeTo, attempt);
    } catch (IOException e) {
      throw new DeliveryException("cannot run " + sendmail + ": " + e.getMessage(), false, e);
    }
    if (result.exit() != 0) {
      throw new DeliveryException(
          sendmail
              + " exited with "
              + result.exit()
              + (result.output().isEmpty() ? "" : ": " + result.output()),
          result.exit() == EX_TEMPFAIL);
    }
    return "to " + recipients + " via " + sendmail;
  }
}
