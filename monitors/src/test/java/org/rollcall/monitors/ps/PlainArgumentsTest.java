package org.rollcall.monitors.ps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rollcall.core.cli.Launchable;
import org.rollcall.core.ids.FixedUserDirectory;
import org.rollcall.core.result.OutputMode;
import org.rollcall.monitors.ParsedState;
import org.rollcall.monitors.cpu.CpuMonitor;
import org.rollcall.monitors.exclusion.ExclusionMonitor;
import picocli.CommandLine;

/**
 * The plain path (arguments taken without picocli) against picocli's: the same command state for every argument
 * list the plain path accepts. {@link PsMonitorGoldenTest} runs every golden case both ways too.
 */
class PlainArgumentsTest {
  @Test
  void theGoldenRuleListsTakeThePlainPath() {
    assertThat(new PsMonitor(FixedUserDirectory.SAMPLE).acceptPlain(new String[] {"tor:1-1", "sshd:1-"})).isTrue();
  }

  static Stream<List<String>> plainArgumentLists() {
    return Stream.of(List.of("sshd:1-"), List.of("tor:1-1", "master:1-2", "cron:1-5", "dbus-daemon:1-"),
        List.of("user=root,/usr/sbin/sshd:1-", "'sshd,!user=root:0-0'", "context=sshd_t:1-"),
        List.of("args=--config=x\\, y:0-", "name=-odd:0-", "rcl sp) (ace:1-1", "dæmon:0-"),
        List.of("help:1-", "version:0-", "nagios:1-", "=:1-"), List.of("host.example.org"), List.of("ps.monitor:0-"),
        List.of("sshd:1-", "--nagios"), List.of("--nagios", "tor:1-1", "cron:1-5"), List.of("a:1-", "--nagios", "b:0-"));
  }

  /** Whatever the plain path accepts, picocli parses into exactly the same command. */
  @ParameterizedTest
  @MethodSource("plainArgumentLists")
  void thePlainPathLeavesTheCommandAsPicocliDoes(List<String> args) {
    PsMonitor plain = new PsMonitor(FixedUserDirectory.SAMPLE);
    PsMonitor parsed = new PsMonitor(FixedUserDirectory.SAMPLE);
    String[] array = args.toArray(String[]::new);
    assertThat(plain.acceptPlain(array)).isTrue();
    new CommandLine(parsed).setExpandAtFiles(false).parseArgs(array);
    List<String> rules = args.stream().filter(arg -> !arg.equals("--nagios")).toList();
    assertThat(ParsedState.of(plain)).isEqualTo(ParsedState.of(parsed)).containsEntry("ruleTexts", rules)
        .containsEntry("recheckSeconds", null).containsEntry("explainPid", null);
    assertThat(plain.settings()).isEqualTo(parsed.settings());
    assertThat(plain.settings().mode()).isEqualTo(args.contains("--nagios") ? OutputMode.NAGIOS : OutputMode.MON);
    assertThat(plain.procRoot.rootText()).isEqualTo("/proc");
  }

  /** cpu.monitor and exclusion.monitor take no arguments, or only --nagios, as they are, and only that. */
  @ParameterizedTest
  @MethodSource("otherMonitorsPlainArgumentLists")
  void otherMonitorsWithoutOptionsAreLeftAsPicocliLeavesThem(List<String> args) {
    for (boolean cpu : new boolean[] {true, false}) {
      Launchable plain = cpu ? new CpuMonitor() : new ExclusionMonitor();
      Launchable parsed = cpu ? new CpuMonitor() : new ExclusionMonitor();
      String[] array = args.toArray(String[]::new);
      assertThat(plain.acceptPlain(array)).isTrue();
      new CommandLine(parsed).parseArgs(array);
      assertThat(ParsedState.of(plain)).isEqualTo(ParsedState.of(parsed)).isNotEmpty();
      assertThat(plain.settings()).isEqualTo(parsed.settings());
      for (String[] other : new String[][] {{"--max", "80"}, {"x"}, {"--nagios", "--nagios"}, {"--nagios", "x"}}) {
        Launchable fresh = cpu ? new CpuMonitor() : new ExclusionMonitor();
        assertThat(fresh.acceptPlain(other)).as(String.join(" ", other)).isFalse();
        assertThat(ParsedState.of(fresh)).isEqualTo(ParsedState.of(cpu ? new CpuMonitor() : new ExclusionMonitor()));
      }
    }
  }

  static Stream<List<String>> otherMonitorsPlainArgumentLists() {
    return Stream.of(List.of(), List.of("--nagios"));
  }

  static Stream<List<String>> argumentListsForPicocli() {
    return Stream.of(List.of(), List.of("--nagios"), List.of("sshd:1-", "--nagios", "--nagios"),
        List.of("-t", "5", "sshd:1-"), List.of("--help"),
        List.of("sshd:1-", "-V"), List.of("@rules"), List.of("--", "sshd:1-"), List.of("sshd:1-", ""),
        List.of("-x", "1"), List.of("--proc-root=/tmp", "sshd:1-"), List.of("-5"));
  }

  /** Anything with an option, an empty or @-word, or no rule at all is left to picocli. */
  @ParameterizedTest
  @MethodSource("argumentListsForPicocli")
  void optionsHelpAndOddWordsGoToPicocli(List<String> args) {
    PsMonitor monitor = new PsMonitor(FixedUserDirectory.SAMPLE);
    assertThat(monitor.acceptPlain(args.toArray(String[]::new))).isFalse();
    assertThat(ParsedState.of(monitor)).isEqualTo(ParsedState.of(new PsMonitor(FixedUserDirectory.SAMPLE)));
  }
}
