package org.rollcall.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rollcall.core.cli.ExecutableRegistry;
import org.rollcall.core.cli.Launchable;
import org.rollcall.core.cli.PlainArguments;
import org.rollcall.core.cli.PlainShape;
import org.rollcall.core.cli.Registration;
import org.rollcall.core.result.OutputMode;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Each monitor's registry entry against its code: what its declared plain shape accepts leaves it
 * exactly as picocli leaves it, the rest is left to picocli untouched, and a monitor takes plain
 * arguments exactly when it declares a shape. The launcher script's copy of the shapes is held to
 * the same lists by the dist module's PlainShapeIT; GoldenTest runs every golden case both ways.
 */
class PlainPathTest {
  /** Rule lists ps.monitor takes as they are. */
  private static final List<List<String>> RULE_LISTS =
      List.of(
          List.of("sshd:1-"),
          List.of("tor:1-1", "master:1-2", "cron:1-5", "dbus-daemon:1-"),
          List.of("user=root,/usr/sbin/sshd:1-", "'sshd,!user=root:0-0'", "context=sshd_t:1-"),
          List.of("args=--config=x\\, y:0-", "name=-odd:0-", "rcl sp) (ace:1-1", "dæmon:0-"),
          List.of("help:1-", "version:0-", "nagios:1-", "=:1-"),
          List.of("host.example.org"),
          List.of("ps.monitor:0-"),
          List.of("sshd:1-", "--nagios"),
          List.of("--nagios", "tor:1-1", "cron:1-5"),
          List.of("a:1-", "--nagios", "b:0-"),
          // What @@odd:0- leaves once ArgumentFiles expanded the arguments: a literal word.
          List.of("@odd:0-"));

  /** Nothing at all: cpu.monitor and exclusion.monitor with every default. */
  private static final List<List<String>> NO_WORDS = List.of(List.of(), List.of("--nagios"));

  /** No argument at all: ps.discover with every default. */
  private static final List<List<String>> NOTHING = List.of(List.of());

  /** What every shape leaves to picocli: options, help, odd words, --nagios twice. */
  private static final List<List<String>> FOR_PICOCLI =
      List.of(
          List.of("sshd:1-", "--nagios", "--nagios"),
          List.of("--nagios", "--nagios"),
          List.of("-t", "5", "sshd:1-"),
          List.of("--help"),
          List.of("sshd:1-", "-V"),
          List.of("--", "sshd:1-"),
          List.of("sshd:1-", ""),
          List.of("-x", "1"),
          List.of("--proc-root=/tmp", "sshd:1-"),
          List.of("-5"),
          List.of("--max", "80"),
          List.of("-v"));

  /** check_procs' command lines, as Nagios and Icinga 2 give them, which procs.monitor takes. */
  private static final List<List<String>> CHECK_PROCS_LINES =
      List.of(
          List.of("-w", "1:5", "-c", "1:10", "-C", "sshd"),
          List.of("--nagios", "-c", "1:1", "-a", "/usr/bin/python3 /opt/worker.py --queue=x, y"),
          List.of("-u", "nagios", "-w", "1:", "-C", "nrpe", "--nagios"),
          List.of("-s", "Z", "-w", "0", "-c", "5"),
          List.of("-m", "RSS", "-w", "512000", "-c", "1024000", "-C", "java"),
          List.of("-t", "20", "-w", "250", "-c", "400"),
          List.of("-t", "2.5", "--critical", "@10:20"),
          List.of("-m", "ELAPSED", "-w", "~:3600", "-C", "cron", "-u", "0"),
          List.of("-p", "1", "-r", "010", "-z", "999999999", "-P", "12.50"),
          List.of("--ereg-argument-array", "^/usr/sbin/(cron|sshd)", "-k", "-X", "cron,sshd", "-T"),
          List.of("--traditional-filter", "--no-kthreads", "--state", "DZ", "--nagios"),
          List.of("--proc-root", "/tmp/x", "-C", "sshd"),
          List.of("--metric", "VSZ", "--warning", "1", "--user", "root", "--command", "a b"),
          List.of("-C", "@odd", "--exclude-process", "x=y", "--pcpu", "0", "--rss", "0"),
          List.of("--vsz", "1", "--ppid", "0", "--argument-array", "q", "--timeout", "30"),
          List.of("-m", "MEM"),
          List.of("-s", "Ss"),
          List.of("-w", "10", "-c", "20"));

  /** What procs.monitor's shape leaves to picocli: repeats, joined values, words, help. */
  private static final List<List<String>> CHECK_PROCS_FOR_PICOCLI =
      List.of(
          List.of("-w", "1", "-w", "2"),
          List.of("-w", "1", "--warning", "2"),
          List.of("-k", "--no-kthreads"),
          List.of("-T", "--traditional"),
          List.of("-w"),
          List.of("-w", ""),
          List.of("-w", "-5"),
          List.of("-w5"),
          List.of("--warning=5"),
          List.of("-C", "sshd", "host1", "host2"),
          List.of("-p", "1234567890"),
          List.of("-p", "-1"),
          List.of("-p", "+1"),
          List.of("-P", "1e3"),
          List.of("-t", "1e3"),
          List.of("-t", ".5"),
          List.of("-v", "-C", "sshd"),
          List.of("-vv"),
          List.of("-h"),
          List.of("-V"),
          List.of("-kT"),
          List.of("-C", "sshd", "--"),
          List.of("-c", "--nagios"));

  static Stream<String> monitors() {
    return ExecutableRegistry.names(PlainPathTest.class.getClassLoader()).stream();
  }

  private static boolean isOptions(PlainShape shape) {
    return shape.declaration().startsWith("options ");
  }

  private static List<List<String>> accepted(PlainShape shape) {
    if (isOptions(shape)) {
      List<List<String>> lists = new ArrayList<>(CHECK_PROCS_LINES);
      lists.addAll(NO_WORDS);
      return lists;
    }
    if (shape.equals(PlainShape.NOTHING)) {
      return NOTHING;
    }
    return shape.equals(PlainShape.WORDS)
        ? RULE_LISTS
        : shape.equals(PlainShape.NO_WORDS) ? NO_WORDS : List.of();
  }

  private static List<List<String>> refused(PlainShape shape) {
    List<List<String>> refused = new ArrayList<>(FOR_PICOCLI);
    refused.addAll(CHECK_PROCS_FOR_PICOCLI);
    for (List<List<String>> lists : List.of(RULE_LISTS, NO_WORDS, CHECK_PROCS_LINES)) {
      for (List<String> args : lists) {
        if (!accepted(shape).contains(args)) {
          refused.add(args);
        }
      }
    }
    return refused;
  }

  @ParameterizedTest
  @MethodSource("monitors")
  void whatTheShapeAcceptsLeavesTheMonitorAsPicocliDoes(String name) throws Exception {
    Registration entry = Registration.lookUp(name);
    for (List<String> args : accepted(entry.plain())) {
      Launchable plain = entry.instantiate();
      Launchable parsed = entry.instantiate();
      String[] array = args.toArray(String[]::new);
      assertThat(entry.plain().take(plain, array)).as(name + " " + args).isTrue();
      new CommandLine(parsed).setExpandAtFiles(false).parseArgs(array);
      Map<String, Object> state = ParsedState.of(plain);
      assertThat(state).as(name + " " + args).isEqualTo(ParsedState.of(parsed)).isNotEmpty();
      assertThat(plain.settings()).isEqualTo(parsed.settings());
      assertThat(plain.settings().mode())
          .isEqualTo(args.contains("--nagios") ? OutputMode.NAGIOS : OutputMode.MON);
      if (state.containsKey("ruleTexts")) {
        List<String> rules = new ArrayList<>(args);
        rules.remove("--nagios");
        assertThat(state).containsEntry("ruleTexts", rules);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("monitors")
  void whatTheShapeRefusesIsLeftUntouchedForPicocli(String name) throws Exception {
    Registration entry = Registration.lookUp(name);
    List<List<String>> refused = refused(entry.plain());
    Map<String, Object> fresh = ParsedState.of(entry.instantiate());
    for (List<String> args : refused) {
      Launchable command = entry.instantiate();
      assertThat(entry.plain().take(command, args.toArray(String[]::new)))
          .as(name + " " + args)
          .isFalse();
      assertThat(ParsedState.of(command)).isEqualTo(fresh);
    }
  }

  @ParameterizedTest
  @MethodSource("monitors")
  void aMonitorTakesPlainArgumentsExactlyWhenItDeclaresAShape(String name) throws Exception {
    Registration entry = Registration.lookUp(name);
    Class<?> declaring =
        Class.forName(entry.className())
            .getMethod("takePlain", PlainArguments.class)
            .getDeclaringClass();
    assertThat(declaring != Launchable.class)
        .as(name)
        .isEqualTo(!entry.plain().equals(PlainShape.NEVER));
  }

  /**
   * An options shape lists the command's own options, by all their names and as picocli reads their
   * values: a flag, a String (text), an Integer (count) or a Double (decimal). Only help, version,
   * -v and --nagios (which every shape takes) are left out.
   */
  @ParameterizedTest
  @MethodSource("monitors")
  void anOptionsShapeListsTheCommandsOwnOptions(String name) throws Exception {
    Registration entry = Registration.lookUp(name);
    if (!isOptions(entry.plain())) {
      return;
    }
    Map<String, String> declared = new TreeMap<>();
    for (String option : entry.plain().declaration().split(" ")) {
      if (!option.equals("options")) {
        int equals = option.indexOf('=');
        declared.put(
            option.substring(0, equals < 0 ? option.length() : equals),
            equals < 0 ? "flag" : option.substring(equals + 1));
      }
    }
    Map<String, String> model = new TreeMap<>();
    for (OptionSpec option : new CommandLine(entry.instantiate()).getCommandSpec().options()) {
      List<String> names = List.of(option.names());
      if (option.usageHelp()
          || option.versionHelp()
          || names.contains("--verbose")
          || names.contains("--nagios")) {
        continue;
      }
      model.put(String.join(",", names), typeOf(option));
    }
    assertThat(declared).as(name).isEqualTo(model);
  }

  private static String typeOf(OptionSpec option) {
    Class<?> type = option.type();
    if (option.arity().max() == 0) {
      return "flag";
    }
    if (type == Integer.class || type == int.class) {
      return "count";
    }
    if (type == Double.class || type == double.class) {
      return "decimal";
    }
    return "text";
  }
}
