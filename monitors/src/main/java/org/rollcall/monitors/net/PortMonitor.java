package org.rollcall.monitors.net;

import java.io.PrintWriter;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.cli.Launchable;
import org.rollcall.core.cli.MonitorOptions;
import org.rollcall.core.cli.RunSettings;
import org.rollcall.core.cli.UsageException;
import org.rollcall.monitors.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** port.monitor: does every host answer on the port, and say what it should? */
@Command(
    name = "port.monitor",
    header = "Check that hosts answer on a TCP or UDP port",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Connects to PORT on every HOST at once, within one deadline, and fails for each host that"
          + " refuses, does not answer, fails TLS, does not send back what --expect wants, or"
          + " answers slower than -c (or -w) seconds.",
      "",
      "Example: port.monitor -p 25 --expect '^220 ' mail1 mail2",
      "",
      "As a Nagios plugin: check_rollcall_port -H mail1 -p 25 -w 1 -c 5"
    })
public final class PortMonitor implements Launchable {
  /**
   * Enough for any greeting or banner; a peer streaming more without a match is a mismatch, not a
   * hang.
   */
  static final int DEFAULT_MAX_BYTES = 16_384;

  @Mixin MonitorOptions options = new MonitorOptions();

  @Option(
      names = {"-p", "--port"},
      required = true,
      paramLabel = "PORT",
      description = "TCP (or UDP) port; required, as check_tcp's.")
  int port;

  @Option(
      names = "--send",
      paramLabel = "TEXT",
      description =
          "Send TEXT after connecting; escapes \\r \\n \\t \\0 \\\\ \\xNN, any other backslash is"
              + " an error.")
  String send;

  @Option(
      names = "--expect",
      paramLabel = "REGEX",
      description =
          "Fail unless REGEX (Java syntax, not anchored: use ^) is found in what the peer sends.")
  String expect;

  @Option(
      names = "--max-bytes",
      paramLabel = "N",
      defaultValue = "" + DEFAULT_MAX_BYTES,
      description = "Stop reading for --expect after N bytes (default: ${DEFAULT-VALUE}).")
  int maxBytes;

  @Option(
      names = "--tls",
      description =
          "Speak TLS after connecting, verified against the system's trust store and the host"
              + " name; report the certificate's days left.")
  boolean tls;

  @Option(
      names = "--cert-days",
      paramLabel = "N",
      description =
          "With --tls: fail when the certificate expires in fewer than N whole days. An expired"
              + " one always fails.")
  Integer certDays;

  @Option(
      names = "--insecure",
      description =
          "With --tls: do not verify the certificate chain or host name (a self-signed"
              + " certificate); its days left are still reported.")
  boolean insecure;

  @Option(
      names = "--udp",
      description = "Send --send as one UDP datagram; a reply must come back (and match --expect).")
  boolean udp;

  @Mixin HostOptions hosts = new HostOptions();

  @Override
  public String service() {
    return udp ? "UDP" : "TCP";
  }

  @Override
  public String pending() {
    return hosts.pending();
  }

  @Override
  public RunSettings settings() {
    return options.settings();
  }

  @Override
  public int run(Deadline deadline, PrintWriter out) throws InterruptedException {
    return options.mode().render(hosts.check(service(), port, probe(), deadline), out);
  }

  PortProbe probe() {
    if (maxBytes < 1) {
      throw new UsageException("--max-bytes must be at least 1, not " + maxBytes);
    }
    if (udp && (tls || send == null)) {
      throw new UsageException(
          tls
              ? "--udp and --tls do not go together"
              : "--udp needs --send: UDP has no "
                  + "connection, only a reply to a datagram shows that something listens");
    }
    if (!tls && (certDays != null || insecure)) {
      throw new UsageException((certDays != null ? "--cert-days" : "--insecure") + " needs --tls");
    }
    return new PortProbe(udp, tls, insecure, certDays, sendBytes(), expectPattern(), maxBytes);
  }

  private byte[] sendBytes() {
    try {
      return send == null ? null : ByteEscapes.parse(send);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--send: " + e.getMessage());
    }
  }

  private Pattern expectPattern() {
    try {
      return expect == null ? null : Pattern.compile(expect);
    } catch (PatternSyntaxException e) {
      throw new UsageException(
          "--expect '" + expect + "' is not a regular expression: " + e.getDescription());
    }
  }
}
