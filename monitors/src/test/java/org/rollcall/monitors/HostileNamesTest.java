package org.rollcall.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.monitors.ps.PsMonitor;

/**
 * Processes whose comm and arguments are chosen to break parsers and forge output lines, two of
 * each, started as the set-uid-before-set-gid offender (uid nobody, gid root) so that all three
 * process monitors must show them: each is counted exactly, printed on one line with control bytes
 * escaped, and shown faithfully by --explain.
 */
class HostileNamesTest {
  /**
   * One hostile process: its comm, argv[0], extra arguments, and comm as the monitors must print
   * it.
   */
  record Case(String label, byte[] comm, byte[] argv0, List<byte[]> args, String printed) {
    static Case of(String label, String commHex, String printed) {
      byte[] comm = HexFormat.of().parseHex(commHex);
      return new Case(label, comm, comm, List.of(), printed);
    }

    /**
     * The NAME term a rule gives it: comm, or argv[0] when the kernel cut comm, as Java reads
     * command lines; written {@code name=NAME} when it holds a {@code =}, as it would otherwise
     * read as another term.
     */
    String ruleName() {
      String name = org.rollcall.core.text.SafeText.decode(argv0);
      return name.contains("=") ? "name=" + name : name;
    }
  }

  private static final String BIG = "A".repeat(131_000) + "-end";
  private static final List<Case> CASES =
      List.of(
          Case.of("close paren", hex("rcl)"), "rcl)"),
          Case.of("forged stat fields", hex("x) S 1 2 3 4 5"), "x) S 1 2 3 4 5"),
          Case.of("spaces, one trailing", hex("rcl a  b "), "rcl a  b "),
          Case.of("newlines", hex("rcl\nx\n"), "rcl\\nx\\n"),
          Case.of("tab and CR", hex("rcl\tx\r"), "rcl\\tx\\r"),
          Case.of("printf", hex("rcl%s%n%d"), "rcl%s%n%d"),
          Case.of("Nagios perfdata syntax", hex("rcl|x=9;'"), "rcl|x=9;'"),
          Case.of("ANSI escapes", hex("\u001b[31mrcl\u001b[0m"), "\\x1b[31mrcl\\x1b[0m"),
          Case.of("not UTF-8", "72636cfffec3", "rcl\\xff\\xfe\\xc3"),
          Case.of("backslash escape look-alike", hex("rcl\\x41"), "rcl\\\\x41"),
          Case.of("DEL and C1 CSI", "72636c7fc29b", "rcl\\x7f\\u009b"),
          Case.of("line separator", "72636ce280a878", "rcl\\u2028x"),
          Case.of("right-to-left override", "72636ce280ae6f6c", "rcl\\u202eol"),
          Case.of("bidi isolates", "e281a7726c63e281a9", "\\u2067rlc\\u2069"),
          Case.of("zero width and BOM", "72e2808b636cefbbbf", "r\\u200bcl\\ufeff"),
          Case.of("15 bytes", hex("rcl-fifteen-byt"), "rcl-fifteen-byt"),
          new Case(
              "16 bytes",
              bytes("rcl-sixteen-byte"),
              bytes("rcl-sixteen-byte"),
              List.of(),
              "rcl-sixteen-byt"),
          new Case(
              "UTF-8 cut at 15 bytes",
              bytes("rcl-ééééééé"),
              bytes("rcl-ééééééé"),
              List.of(),
              "rcl-ééééé\\xc3"),
          new Case(
              "odd arguments",
              bytes("rcl-args"),
              bytes("rcl-args"),
              List.of(
                  bytes("a\nb"),
                  bytes("\u001b]0;x\u0007"),
                  HexFormat.of().parseHex("ff"),
                  bytes(""),
                  bytes("it's"),
                  bytes("%s %s")),
              "rcl-args"),
          new Case(
              "128 KiB of arguments",
              bytes("rcl-bigargs"),
              bytes("rcl-bigargs"),
              bigArgs(),
              "rcl-bigargs"));

  @TempDir static Path dir;
  static LiveProcesses live;

  /** PIDs of each case, in the order of CASES. */
  static List<List<Long>> pids = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    LiveProcesses.assumeSetprivAsRoot();
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/perl")), "needs perl");
    Files.setPosixFilePermissions(
        dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    live = new LiveProcesses(dir.resolve("bin"));
    List<String> gid0 = List.of("setpriv", "--reuid=65534", "--regid=0", "--clear-groups");
    for (Case c : CASES) {
      List<byte[]> argv = new ArrayList<>(List.of(c.argv0()));
      argv.addAll(c.args());
      argv.add(bytes("rcl-hostile-" + CASES.indexOf(c)));
      pids.add(
          List.of(
              live.startNamed(gid0, c.comm(), argv).pid(),
              live.startNamed(gid0, c.comm(), argv).pid()));
    }
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (live != null) {
      live.close();
    }
  }

  @Test
  void psMonitorCountsEachNameExactly() {
    List<String> rules = CASES.stream().map(c -> c.ruleName() + ":2-2").toList();
    MonitorRun run = MonitorRun.of(new PsMonitor(), rules.toArray(String[]::new));
    assertThat(run.output()).startsWith(CASES.size() + " rules hold: ");
    assertThat(run.exit()).isZero();
    assertPrintable(run.output());
  }

  @Test
  void psMonitorPrintsEachNameOnItsOwnEscapedLines() {
    for (Case c : CASES) {
      MonitorRun run = MonitorRun.of(new PsMonitor(), c.ruleName() + ":0-0");
      String printedRule = org.rollcall.core.text.SafeText.escape(c.ruleName());
      assertThat(run.lines())
          .as(c.label())
          .containsExactly(
              printedRule + ":2",
              printedRule
                  + ":0-0 has 2 matching processes, expected none: pids "
                  + joined(pids.get(CASES.indexOf(c))));
      assertPrintable(run.output());
    }
  }

  @Test
  void inNagiosModeNoNameForgesPerfdataOrALine() {
    List<String> rules = CASES.stream().map(c -> c.ruleName() + ":0-0").toList();
    MonitorRun run =
        MonitorRun.of(
            new PsMonitor(),
            Stream.concat(Stream.of("--nagios"), rules.stream()).toArray(String[]::new));
    List<String> lines = run.lines();
    assertThat(lines).hasSize(1 + CASES.size());
    assertThat(lines.get(0))
        .startsWith("PS CRITICAL: " + CASES.size() + " of " + CASES.size() + " failed: ");
    // One '|' starts the perfdata; after it, one value per rule, each LABEL=2;;0;0, no two labels
    // alike.
    assertThat(lines.get(0).chars().filter(ch -> ch == '|').count()).isEqualTo(1);
    String perfdata = lines.get(0).substring(lines.get(0).indexOf('|') + 2) + " ";
    List<String> labels = List.of(perfdata.split("=2;;0;0 ", -1));
    assertThat(labels.subList(0, CASES.size()))
        .doesNotHaveDuplicates()
        .allMatch(label -> !label.isEmpty());
    assertThat(labels.get(CASES.size())).isEmpty();
    assertThat(run.exit()).isEqualTo(2);
    assertPrintable(run.output());
  }

  @Test
  void asItsOwnProcessPsMonitorCountsThemByArgumentAndPrintsAsciiNamesEscaped() {
    List<String> rules = new ArrayList<>();
    for (int i = 0; i < CASES.size(); i++) {
      rules.add("args= rcl-hostile-" + i + "$:2-2");
    }
    rules.add("rcl\nx\n:0-0");
    rules.add("\u001b[31mrcl\u001b[0m:0-0");
    Executables.Run run = Executables.run("ps.monitor", rules.toArray(String[]::new));
    assertThat(run.stdout().lines().toList())
        .containsExactly(
            "rcl\\nx\\n:2 \\x1b[31mrcl\\x1b[0m:2",
            "rcl\\nx\\n:0-0 has 2 matching processes, expected none: pids " + joined(pids.get(3)),
            "\\x1b[31mrcl\\x1b[0m:0-0 has 2 matching processes, expected none: pids "
                + joined(pids.get(7)));
    assertThat(run.stderr()).isEmpty();
    assertPrintable(run.stdout());
  }

  @Test
  void explainShowsCommAndArgumentsFaithfullyOneFieldALine() {
    for (Case c : CASES) {
      long pid = pids.get(CASES.indexOf(c)).get(0);
      // In this JVM for speed; the external run below shows the real entry point prints the same.
      MonitorRun run = MonitorRun.of(new PsMonitor(), "--explain", Long.toString(pid));
      List<String> lines = run.lines();
      assertThat(lines).as(c.label()).hasSize(11);
      assertThat(lines.get(1)).as(c.label()).isEqualTo("comm: " + c.printed());
      assertThat(lines.get(2)).as(c.label()).isEqualTo("name: " + c.printed());
      assertThat(lines.get(4))
          .as(c.label())
          .startsWith("args: " + quoted(c.argv0()) + " -e ")
          .endsWith(
              " -- "
                  + c.args().stream()
                      .map(HostileNamesTest::quoted)
                      .map(a -> a + " ")
                      .collect(Collectors.joining())
                  + "rcl-hostile-"
                  + CASES.indexOf(c));
      assertPrintable(run.output());
    }
    Executables.Run external =
        Executables.run("ps.monitor", "--explain", Long.toString(pids.get(3).get(0)));
    assertThat(external.stdout())
        .isEqualTo(
            MonitorRun.of(new PsMonitor(), "--explain", Long.toString(pids.get(3).get(0)))
                .output());
  }

  /** Each offender has one detail line; line 1 names the first of them, up to its 500-byte cap. */
  @Test
  void exclusionMonitorListsEachOffenderOnceOnOneLine() {
    Executables.Run run = Executables.run("exclusion.monitor", "--gid0");
    List<String> lines = run.stdout().lines().toList();
    assertPrintable(run.stdout());
    String summary = lines.get(0);
    int named = 0;
    int offenders = 0;
    for (Case c : CASES) {
      for (long pid : pids.get(CASES.indexOf(c))) {
        String tag = c.printed() + "(" + pid + ")";
        offenders++;
        named += summary.contains("gid0:" + tag) ? 1 : 0;
        assertThat(
                lines.subList(1, lines.size()).stream()
                    .filter(line -> line.contains("(" + pid + ")"))
                    .toList())
            .as(c.label())
            .hasSize(1)
            .first()
            .asString()
            .startsWith("gid0: " + tag + " holds group 0 without user 0: ");
      }
    }
    assertThat(named).as(summary).isPositive();
    if (named < offenders) {
      // exclusion.monitor's offenders are one item of line 1, cut at the cap and ended with "...".
      assertThat(summary).endsWith("...");
    }
    assertThat(summary.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(600);
    assertThat(run.exit()).isEqualTo(1);
  }

  @Test
  void cpuMonitorListsEachProcessOnceOnOneLine() {
    Executables.Run run =
        Executables.run(
            "cpu.monitor", "--lifetime", "--include-users", "--max", "100000", "--top", "100000");
    assertPrintable(run.stdout());
    Map<Long, List<String>> linesByPid = new TreeMap<>();
    for (List<Long> casePids : pids) {
      casePids.forEach(
          pid ->
              linesByPid.put(
                  pid,
                  run.stdout()
                      .lines()
                      .filter(line -> line.matches("top \\d+: .*\\(" + pid + "\\): .*"))
                      .toList()));
    }
    for (Case c : CASES) {
      for (long pid : pids.get(CASES.indexOf(c))) {
        assertThat(linesByPid.get(pid)).as(c.label()).hasSize(1);
        assertThat(linesByPid.get(pid).get(0))
            .as(c.label())
            .matches(
                "top \\d+: \\Q"
                    + c.printed()
                    + "("
                    + pid
                    + "): \\E[0-9.]+% of one CPU over its .* life .*");
      }
    }
    assertThat(run.exit()).isZero();
  }

  @Test
  void aSixMegabyteCommandLineLeavesNoRuleUndecided() throws Exception {
    // exec(2) takes up to 6 MiB of arguments once the stack limit is lifted, which any user may do.
    ProcessHandle big =
        live.startDetached(
            "perl",
            "bash",
            "-c",
            "ulimit -s unlimited && exec perl -e "
                + "'exec {\"/usr/bin/perl\"} \"perl\", \"-e\", \"sleep 300\", (\"x\" x 131000) x 45, \"rcl-big-end\" or die'");
    Path cmdline = Path.of("/proc", Long.toString(big.pid()), "cmdline");
    for (int i = 0; i < 300 && Files.readAllBytes(cmdline).length < 5_000_000; i++) {
      Thread.sleep(10);
    }
    assertThat(Files.readAllBytes(cmdline).length).isGreaterThan(5_000_000);
    Executables.Run run =
        Executables.run("ps.monitor", "rcl-none:0-0", "args=rcl-big-end$:1-1", "args=rcl-none:0-0");
    assertThat(run.stdout())
        .isEqualTo("3 rules hold: rcl-none:0 args=rcl-big-end$:1 args=rcl-none:0\n");
  }

  /**
   * No raw control character, C1 control, line separator or undecodable byte: only escapes and
   * newlines.
   */
  private static void assertPrintable(String output) {
    for (int i = 0; i < output.length(); i++) {
      char ch = output.charAt(i);
      boolean control =
          ch < 0x20 && ch != '\n'
              || ch >= 0x7f && ch <= 0x9f
              || ch == '\u2028'
              || ch == '\u2029'
              || ch == '\ufffd'
              || Character.isSurrogate(ch)
              || invisible(ch);
      assertThat(control)
          .as(
              "character U+%04x at %d of %s",
              (int) ch, i, output.substring(0, Math.min(output.length(), 300)))
          .isFalse();
    }
  }

  /**
   * Bidirectional and other invisible format controls, which make a line read other than it says.
   */
  private static boolean invisible(char ch) {
    return ch == '\u061c'
        || ch == '\u180e'
        || ch >= '\u200b' && ch <= '\u200f'
        || ch >= '\u202a' && ch <= '\u202e'
        || ch >= '\u2060' && ch <= '\u206f'
        || ch == '\ufeff';
  }

  private static String quoted(byte[] arg) {
    return org.rollcall.core.text.SafeText.escape(
        org.rollcall.core.match.CommandLineText.quoteArgs(
            List.of(org.rollcall.core.text.SafeText.decode(arg))));
  }

  private static String joined(List<Long> pids) {
    return pids.stream().sorted().map(String::valueOf).collect(Collectors.joining(" "));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String hex(String text) {
    return HexFormat.of().formatHex(bytes(text));
  }

  /**
   * One argument just under the kernel's 128 KiB limit for one argument, and 128 KiB more in 16
   * others.
   */
  private static List<byte[]> bigArgs() {
    List<byte[]> args = new ArrayList<>(List.of(bytes(BIG)));
    for (int i = 0; i < 16; i++) {
      args.add(bytes("B".repeat(8191)));
    }
    return args;
  }
}
