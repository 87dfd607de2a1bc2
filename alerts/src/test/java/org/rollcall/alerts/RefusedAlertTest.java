package org.rollcall.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rollcall.alerts.file.FileAlert;
import org.rollcall.alerts.mail.MailAlert;

/**
 * An alert whose command line cannot be used (a bad option value, a missing one) still saves what
 * mon gave it: its stdin, its arguments and the MON_* variables, in the fallback file, and says so
 * in its one line.
 */
class RefusedAlertTest {
  @TempDir Path dir;

  static Stream<Arguments> badCommandLines() {
    Supplier<AbstractAlert> file = FileAlert::new;
    Supplier<AbstractAlert> mail = MailAlert::new;
    return Stream.of(
        Arguments.of(
            "--timeout 0",
            file,
            List.of("--timeout", "0", "-d", "DIR", "x"),
            "--timeout wants a number of seconds from 2 to 3600, not '0'"),
        Arguments.of(
            "--timeout 1e400",
            file,
            List.of("--timeout", "1e400", "-d", "DIR", "x"),
            "--timeout wants a number of seconds from 2 to 3600, not '1e400'"),
        Arguments.of(
            "--timeout abc",
            file,
            List.of("--timeout", "abc", "-d", "DIR", "x"),
            "--timeout wants a number of seconds from 2 to 3600, not 'abc'"),
        Arguments.of(
            "mail.alert -f at the end",
            mail,
            List.of("root@localhost", "-f"),
            "Missing required parameter for option '-f'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCommandLines")
  void savesTheAlertInTheFallbackNamedByTheArguments(
      String name, Supplier<AbstractAlert> alert, List<String> bad, String problem)
      throws Exception {
    Path fallback = dir.resolve("fallback.log");
    List<String> args =
        new ArrayList<>(
            List.of(
                "-s",
                "ps",
                "-g",
                "local",
                "-h",
                "a b",
                "-t",
                "1700000000",
                "--fallback",
                fallback.toString()));
    bad.forEach(arg -> args.add(arg.replace("DIR", dir.toString())));

    InJvmAlert.Result result =
        InJvmAlert.run(
            alert.get(),
            "sshd:0\ndetail\n",
            Map.of("MON_DESCRIPTION", "ssh daemon", "MON_OPSTATUS", "0"),
            args.toArray(String[]::new));

    assertThat(result.exit()).as(result.stdout()).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(result.stdout())
        .startsWith(alertName(alert) + ": NOT delivered ALERT local/ps: sshd:0: ")
        .contains(problem)
        .endsWith("; saved in " + fallback + "\n");
    assertThat(result.stdout().lines()).hasSize(1);
    String saved = Files.readString(fallback);
    assertThat(saved)
        .contains(problem)
        .contains("arguments: '-s' 'ps' '-g' 'local' '-h' 'a b'")
        .contains("environment: MON_DESCRIPTION=ssh daemon MON_OPSTATUS=0")
        .contains("\nUNKNOWN ALERT local ps 1700000000 (")
        .endsWith(") sshd:0\nDESCR=ssh daemon\nOPSTATUS=0\ndetail\n.\n");
  }

  @Test
  void aFallbackOptionWithoutItsValueFallsBackToMonsStateDirectory() throws Exception {
    InJvmAlert.Result result =
        InJvmAlert.run(
            new FileAlert(),
            "sshd:0\n",
            Map.of("MON_STATEDIR", dir.toString()),
            "-s",
            "ps",
            "-g",
            "local",
            "-d",
            dir.toString(),
            "x",
            "--fallback");

    Path fallback = dir.resolve(Fallback.FILE_NAME);
    assertThat(result.stdout())
        .contains("Missing required parameter for option '--fallback'")
        .endsWith("; saved in " + fallback + "\n");
    assertThat(Files.readString(fallback)).contains("sshd:0").contains("'--fallback'");
  }

  @Test
  void aTimeoutOfZeroIsRefusedWithoutContradictingItself() {
    InJvmAlert.Result result =
        InJvmAlert.run(
            new FileAlert(),
            "sshd:0\n",
            Map.of("MON_STATEDIR", dir.toString()),
            "-s",
            "ps",
            "--timeout",
            "0",
            "x");

    assertThat(result.stdout())
        .contains("--timeout wants a number of seconds from 2 to 3600, not '0'")
        .doesNotContain("0.0");
  }

  private static String alertName(Supplier<AbstractAlert> alert) {
    return alert.get().name();
  }
}
