package org.rollcall.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rollcall.core.cli.ExecutableRegistry;
import org.rollcall.core.cli.Launchable;
import org.rollcall.core.cli.PlainShape;
import org.rollcall.core.cli.Registration;
import org.rollcall.core.result.OutputMode;
import picocli.CommandLine;

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

  static Stream<String> monitors() {
    return ExecutableRegistry.names(PlainPathTest.class.getClassLoader()).stream();
  }

  private static List<List<String>> accepted(PlainShape shape) {
    return shape == PlainShape.WORDS
        ? RULE_LISTS
        : shape == PlainShape.NO_WORDS ? NO_WORDS : List.of();
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
    List<List<String>> refused = new ArrayList<>(FOR_PICOCLI);
    for (PlainShape other : PlainShape.values()) {
      if (other != entry.plain()) {
        refused.addAll(accepted(other));
      }
    }
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
            .getMethod("takePlain", List.class, boolean.class)
            .getDeclaringClass();
    assertThat(declaring != Launchable.class).as(name).isEqualTo(entry.plain() != PlainShape.NEVER);
  }
}
