package org.rollcall.monitors.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rollcall.core.cli.ProcRootOption;
import org.rollcall.core.ids.UserDirectory;
import org.rollcall.core.match.MatchParser;
import org.rollcall.core.match.Rule;
import org.rollcall.core.match.RuleCount;
import org.rollcall.core.match.RuleCounter;
import org.rollcall.core.match.RuleParser;
import org.rollcall.core.proc.ProcFs;
import org.rollcall.core.result.Status;
import org.rollcall.monitors.DebianServer;
import org.rollcall.monitors.GoldenSystem;
import org.rollcall.monitors.MonitorRun;
import org.rollcall.monitors.exclusion.ExclusionMonitor;
import org.rollcall.monitors.ps.PsMonitor;

/**
 * The round trip on each fixture tree: the rules ps.discover prints pass at once under ps.monitor
 * (each line whole, as {@code xargs -d '\n'} hands them over), its exclusion.monitor line passes,
 * and removing any one process a rule counts, or starting a second copy of one a {@code 1-1} rule
 * counts, makes that rule fail and no other.
 */
class PsDiscoverRoundTripTest {
  private static final UserDirectory USERS = DebianServer.USERS;

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"debian", "selinux"})
  void discoveredRulesHoldAtOnceUnderPsMonitorAndExclusionMonitor(String tree) throws IOException {
    Path root = build(tree, dir.resolve("proc"));
    MonitorRun discovered = discover(root);
    // What grep -v '^#' | xargs -d '\n' ps.monitor hands it: each line whole.
    MonitorRun ps =
        MonitorRun.of(
            new PsMonitor(USERS, new ProcRootOption(root)),
            rules(discovered).toArray(String[]::new));
    MonitorRun exclusion =
        MonitorRun.of(
            new ExclusionMonitor(USERS, new ProcRootOption(root)),
            exclusionArguments(discovered).toArray(String[]::new));

    assertThat(discovered.exit()).isZero();
    assertThat(ps.exit()).as(ps.output()).isZero();
    assertThat(ps.summary()).startsWith(rules(discovered).size() + " rules hold: ");
    assertThat(exclusion.exit()).as(exclusion.output()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"debian", "selinux"})
  void killingOneCountedProcessFailsExactlyItsRule(String tree) throws IOException {
    Path root = build(tree, dir.resolve("proc"));
    List<String> rules = rules(discover(root));
    List<RuleCount> counts = count(rules, root);
    int checked = 0;
    for (RuleCount count : counts) {
      for (int pid : count.matched()) {
        // Killed: its directory gone from the tree, then put back for the next one.
        Path process = root.resolve(Integer.toString(pid));
        Path aside = Files.move(process, dir.resolve("killed"));
        assertThat(failing(rules, root))
            .as("without pid " + pid)
            .containsExactly(count.rule().text());
        Files.move(aside, process);
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(6);
  }

  @ParameterizedTest
  @ValueSource(strings = {"debian", "selinux"})
  void aSecondCopyOfAOneOnlyDaemonFailsExactlyItsRule(String tree) throws IOException {
    Path root = build(tree, dir.resolve("proc"));
    List<String> rules = rules(discover(root));
    int checked = 0;
    for (RuleCount count : count(rules, root)) {
      if (count.rule().text().endsWith(":1-1")) {
        int pid = count.matched().get(0);
        Path copy = copyProcess(root, pid, 30_000 + pid);
        assertThat(failing(rules, root))
            .as("a copy of pid " + pid)
            .containsExactly(count.rule().text());
        delete(copy);
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(6);
  }

  private static Path build(String tree, Path root) {
    Consumer<Path> builder = tree.equals("debian") ? DebianServer::build : GoldenSystem::build;
    builder.accept(root);
    return root;
  }

  private static MonitorRun discover(Path root) {
    return MonitorRun.of(new PsDiscover(USERS, new ProcRootOption(root)));
  }

  /** The rule lines of a rules listing (an @FILE: comments start with #). */
  static List<String> rules(MonitorRun discovered) {
    List<String> rules = new ArrayList<>();
    for (String line : discovered.lines()) {
      if (!line.startsWith("#") && !line.isBlank()) {
        rules.add(line);
      }
    }
    return rules;
  }

  private static List<String> exclusionArguments(MonitorRun discovered) {
    String marker = "exclusion.monitor that holds now (not for ps.monitor): exclusion.monitor ";
    for (String line : discovered.lines()) {
      int at = line.indexOf(marker);
      if (at >= 0) {
        String words = line.substring(at + marker.length(), line.length() - " ;;".length());
        return List.of(words.split(" "));
      }
    }
    throw new AssertionError("no exclusion.monitor line in " + discovered.output());
  }

  private static List<String> failing(List<String> rules, Path root) {
    List<String> failing = new ArrayList<>();
    for (RuleCount count : count(rules, root)) {
      if (count.status() != Status.OK) {
        failing.add(count.rule().text());
      }
    }
    return failing;
  }

  /** As ps.monitor counts on a saved tree. */
  private static List<RuleCount> count(List<String> texts, Path root) {
    RuleParser parser = new RuleParser(new MatchParser(USERS));
    List<Rule> rules = new ArrayList<>();
    for (String text : texts) {
      rules.add(parser.parse(text));
    }
    return RuleCounter.count(rules, ProcFs.at(root).scan(), Set.of());
  }

  /** The process {@code pid} again as {@code copy}: the same files, its own PID in its stat. */
  private static Path copyProcess(Path root, int pid, int copy) throws IOException {
    Path from = root.resolve(Integer.toString(pid));
    Path to = root.resolve(Integer.toString(copy));
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isSymbolicLink(file)) {
          Files.createSymbolicLink(target, Files.readSymbolicLink(file));
        } else if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    Path stat = to.resolve("stat");
    String text = Files.readString(stat, StandardCharsets.UTF_8);
    Files.writeString(stat, copy + text.substring(text.indexOf(' ')), StandardCharsets.UTF_8);
    return to;
  }

  private static void delete(Path path) throws IOException {
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
