package org.rollcall.monitors.ps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rollcall.core.cli.Launcher;
import org.rollcall.core.cli.ProcRootOption;
import org.rollcall.core.ids.FixedUserDirectory;
import org.rollcall.monitors.GoldenCases;
import org.rollcall.monitors.GoldenSystem;

/**
 * Whole runs of ps.monitor against {@link GoldenSystem}: each case is {@code golden/ps/CASE.args}
 * (one argument a line), the exact expected stdout {@code CASE.out} and exit code {@code
 * CASE.exit}; each run with {@code --proc-root}, then without it both through the plain path (when
 * the arguments are plain) and picocli.
 */
class PsMonitorGoldenTest {
  private static final Path CASES = Path.of("src/test/resources/golden/ps");

  @TempDir static Path procRoot;

  @BeforeAll
  static void buildSystem() {
    GoldenSystem.build(procRoot);
  }

  static Stream<String> cases() throws IOException {
    return GoldenCases.in(CASES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void runMatchesGolden(String name) throws IOException {
    List<String> args = new ArrayList<>(Files.readAllLines(CASES.resolve(name + ".args")));
    args.add(0, "--proc-root=" + procRoot);
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    int code =
        new Launcher(new PrintStream(stdout, true, StandardCharsets.UTF_8), c -> {})
            .execute(new PsMonitor(FixedUserDirectory.SAMPLE), args.toArray(String[]::new));
    String expected =
        Files.readString(CASES.resolve(name + ".out")).replace("@PROC@", procRoot.toString());
    int expectedExit = Integer.parseInt(Files.readString(CASES.resolve(name + ".exit")).trim());
    assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(code).isEqualTo(expectedExit);
    // The same arguments with the golden system as the default root, so no option is needed: plain
    // rules take the plain path, which must print exactly what picocli's prints.
    String[] plainArgs = args.subList(1, args.size()).toArray(String[]::new);
    for (boolean plain : new boolean[] {true, false}) {
      stdout.reset();
      Launcher launcher =
          new Launcher(new PrintStream(stdout, true, StandardCharsets.UTF_8), c -> {});
      PsMonitor monitor = new PsMonitor(FixedUserDirectory.SAMPLE, new ProcRootOption(procRoot));
      int again =
          plain ? launcher.execute(monitor, plainArgs) : launcher.executeParsed(monitor, plainArgs);
      assertThat(stdout.toString(StandardCharsets.UTF_8))
          .as(plain ? "plain" : "picocli")
          .isEqualTo(expected);
      assertThat(again).as(plain ? "plain" : "picocli").isEqualTo(expectedExit);
    }
  }
}
