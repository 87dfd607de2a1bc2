package org.rollcall.monitors.exclusion;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.cli.Launchable;
import org.rollcall.core.cli.MonitorOptions;
import org.rollcall.core.cli.PlainArguments;
import org.rollcall.core.cli.ProcRootOption;
import org.rollcall.core.cli.RunSettings;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.ids.UserDirectory;
import org.rollcall.core.match.MatchParser;
import org.rollcall.core.match.ProcessMatch;
import org.rollcall.core.proc.ProcFs;
import org.rollcall.core.proc.Scan;
import org.rollcall.core.text.Ascii;
import org.rollcall.monitors.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * exclusion.monitor: processes whose mere existence is a finding (root's group kept, the wrong
 * SELinux domain).
 */
@Command(
    name = "exclusion.monitor",
    header = "Fail when a process runs that must not",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Fails when a process exists that must not: one holding group 0 without user 0 (--gid0,"
          + " the setuid() before setgid() bug), a second process in a single SELinux domain"
          + " (--single-domain init_t), or any in a forbidden one (--forbid-domain initrc_t); one"
          + " still running code an upgrade deleted or replaced (--stale-code), or one that left"
          + " root's user but kept capabilities (--caps).",
      "",
      "Without rule options: --gid0, and when SELinux is enabled --single-domain init_t"
          + " --forbid-domain initrc_t. --stale-code and --caps are never defaults: they read every"
          + " process's maps or capabilities, and a freshly upgraded server fails --stale-code"
          + " until its services are restarted, which is news to act on in a maintenance window,"
          + " not an alarm for every mon.cf. --allow takes a MATCH as rollcall-rules(5) writes it.",
      "",
      "Example: exclusion.monitor --gid0 --allow /usr/sbin/vendord",
      "",
      "Example: exclusion.monitor --stale-code --caps --allow-cap cap_net_bind_service"
    })
public final class ExclusionMonitor implements Launchable {
  @Mixin MonitorOptions options = new MonitorOptions();

  @Option(
      names = "--gid0",
      description =
          "Fail on a process that holds group 0 (its real, effective, saved or filesystem GID,"
              + " or a supplementary group) while none of its four UIDs is 0.")
  boolean gid0;

  @Option(
      names = "--ignore-supplementary",
      description = "With --gid0, look at the four GIDs only, not the supplementary groups.")
  boolean ignoreSupplementary;

  @Option(
      names = "--single-domain",
      paramLabel = "TYPE",
      description =
          "Exactly one process must run in SELinux domain TYPE: the first started is kept, the"
              + " others are offenders, and none at all fails too. Repeatable.")
  List<String> singleDomains = new ArrayList<>();

  @Option(
      names = "--forbid-domain",
      paramLabel = "TYPE",
      description = "No process may run in SELinux domain TYPE. Repeatable.")
  List<String> forbiddenDomains = new ArrayList<>();

  @Option(
      names = "--stale-code",
      description =
          "Fail on a process running an executable or a shared object (a file it mapped"
              + " executable) that was deleted or replaced on disk since it loaded it, grouped by"
              + " the systemd service to restart, else by executable. memfd, /dev/shm, SysV,"
              + " anonymous and non-executable mappings, and files under /tmp, /var/tmp and /run,"
              + " are not code on disk. A process whose maps cannot be read is undecided"
              + " (stale:?).")
  boolean staleCode;

  @Option(
      names = "--caps",
      description =
          "Fail on a process none of whose four UIDs is 0 that holds effective capabilities"
              + " (CapEff), or ambient ones (CapAmb, given to every program it runs).")
  boolean caps;

  @Option(
      names = "--allow-cap",
      paramLabel = "CAP",
      description =
          "With --caps, exempt capability CAP everywhere (cap_net_bind_service, net_bind_service"
              + " or its number). Repeatable.")
  List<String> allowedCaps = new ArrayList<>();

  @Option(
      names = "--allow",
      paramLabel = "MATCH",
      description =
          "Leave out of every rule the processes MATCH certainly matches (see rollcall-rules(5));"
              + " allow by path: a name is what the process calls itself. Repeatable.")
  List<String> allowTexts = new ArrayList<>();

  @Mixin ProcRootOption procRoot;

  private final UserDirectory users;

  public ExclusionMonitor() {
    this(UserDirectory.system(), new ProcRootOption());
  }

  /**
   * With a fixed user directory and a default proc tree, so tests (and an embedding) can run plain
   * arguments on a fixture.
   */
  public ExclusionMonitor(UserDirectory users, ProcRootOption procRoot) {
    this.users = users;
    this.procRoot = procRoot;
  }

  @Override
  public String service() {
    return "EXCLUSION";
  }

  /** No arguments, or --nagios alone (its registry entry: {@code plain=no-words}). */
  @Override
  public void takePlain(PlainArguments given) {
    options.takePlain(given);
  }

  @Override
  public RunSettings settings() {
    return options.settings();
  }

  @Override
  public int run(Deadline deadline, PrintWriter out) {
    MatchParser parser = new MatchParser(users, deadline);
    List<ProcessMatch> allowed = new ArrayList<>();
    for (String text : allowTexts) {
      allowed.add(parser.parse(text));
    }
    ProcFs fs = procRoot.fs();
    Scan scan = fs.scanWithCredentials();
    String selinuxMissing = SelinuxLabels.unavailableReason(scan);
    List<ExclusionRule> rules = rules(selinuxMissing == null);
    List<RuleOutcome> outcomes =
        new ExclusionCheck(allowed, users).evaluate(rules, scan, selinuxMissing);
    return options
        .mode()
        .render(
            ExclusionReport.of(outcomes, scan.processes().size(), scan.incompletenessNote()), out);
  }

  /**
   * The rules asked for, or the defaults; default SELinux rules only where SELinux labels can be
   * read.
   */
  List<ExclusionRule> rules(boolean selinux) {
    Set<String> domains = new LinkedHashSet<>();
    for (String type : concat(singleDomains, forbiddenDomains)) {
      if (!Ascii.isName(type)) {
        throw new UsageException("'" + type + "' is not an SELinux type (like init_t)");
      }
      if (!domains.add(type)) {
        throw new UsageException("domain " + type + " is given more than once");
      }
    }
    boolean defaults = !gid0 && domains.isEmpty() && !staleCode && !caps;
    if (ignoreSupplementary && !gid0 && !defaults) {
      throw new UsageException("--ignore-supplementary needs --gid0");
    }
    if (!allowedCaps.isEmpty() && !caps) {
      throw new UsageException("--allow-cap needs --caps");
    }
    List<ExclusionRule> rules = new ArrayList<>();
    if (gid0 || defaults) {
      rules.add(ExclusionRule.gid0(!ignoreSupplementary));
    }
    if (staleCode) {
      rules.add(ExclusionRule.staleCode());
    }
    if (caps) {
      rules.add(ExclusionRule.caps(allowedCaps));
    }
    if (defaults && selinux) {
      rules.add(ExclusionRule.singleDomain("init_t"));
      rules.add(ExclusionRule.forbidDomain("initrc_t"));
    }
    for (String type : singleDomains) {
      rules.add(ExclusionRule.singleDomain(type));
    }
    for (String type : forbiddenDomains) {
      rules.add(ExclusionRule.forbidDomain(type));
    }
    return rules;
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
