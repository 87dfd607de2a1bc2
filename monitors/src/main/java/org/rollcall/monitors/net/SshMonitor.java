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

/**
 * ssh.monitor: does every host's SSH server answer with an SSH 2 identification, from the right
 * software?
 */
@Command(
    name = "ssh.monitor",
    header = "Check that hosts' SSH servers answer, with the right software",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Reads the SSH identification of every HOST at once, within one deadline, and fails for each"
          + " host that does not send one, speaks a protocol other than 2.0, runs software you did"
          + " not ask for, or answers slower than -c (or -w) seconds.",
      "",
      "Example: ssh.monitor --min-openssh 9.2p1 --software '^OpenSSH_' host1 host2",
      "",
      "As a Nagios plugin: check_rollcall_ssh -H host1 -w 1 -c 5"
    })
public final class SshMonitor implements Launchable {
  @Mixin MonitorOptions options = new MonitorOptions();

  @Option(
      names = {"-p", "--port"},
      paramLabel = "PORT",
      defaultValue = "22",
      description = "SSH port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--software",
      paramLabel = "REGEX",
      description =
          "Fail unless REGEX is found in the software version (e.g. '^OpenSSH_9\\.2p1$'; the Debian "
              + "comment does not break it) or in the version and comments (e.g. 'deb12u3').")
  String software;

  @Option(
      names = "--min-openssh",
      paramLabel = "RELEASE",
      description =
          "Fail when the server is not OpenSSH or is older than RELEASE (X.Y or X.YpZ, "
              + "e.g. 9.2p1).")
  String minOpenSsh;

  @Mixin HostOptions hosts = new HostOptions();

  @Override
  public String service() {
    return "SSH";
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
    SshProbe probe = new SshProbe(softwarePattern(), minimum());
    return options.mode().render(hosts.check(service(), port, probe, deadline), out);
  }

  private Pattern softwarePattern() {
    try {
      return software == null ? null : Pattern.compile(software);
    } catch (PatternSyntaxException e) {
      throw new UsageException(
          "--software '" + software + "' is not a regular expression: " + e.getDescription());
    }
  }

  private OpenSshVersion minimum() {
    try {
      return minOpenSsh == null ? null : OpenSshVersion.parse(minOpenSsh);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--min-openssh: " + e.getMessage());
    }
  }
}
