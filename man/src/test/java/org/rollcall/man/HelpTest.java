package org.rollcall.man;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rollcall.core.cli.ExecutableRegistry;
import org.rollcall.core.cli.Launcher;
import org.rollcall.core.cli.Main;
import picocli.CommandLine;

/**
 * Every executable's {@code --help}, under its own name and, for a monitor, under its Nagios name
 * (as the launcher runs {@code check_rollcall_ps}: {@code ps.monitor --nagios}, called as the
 * Nagios name), as it reads in an 80-column terminal: no line wider, paragraphs wrapped by picocli
 * alone, and each example on a line of its own that can be copied and pasted, the same command as
 * in the man page.
 *
 * <p>An example is a line of the {@code @Command} description {@code LABEL: COMMAND} ({@code
 * Example: ps.monitor sshd:1-}, {@code As a Nagios plugin: check_rollcall_port ...}) whose COMMAND,
 * or the part after its last {@code |}, starts with a rollcall executable's name; or an indented
 * line of a block (mon.cf lines) after a line {@code Example, in mon.cf:}, or naming a rollcall
 * executable.
 */
class HelpTest {
  private static final int WIDTH = 80;
  private static final Pattern LABELLED = Pattern.compile("([A-Z][A-Za-z ]{0,40}): +(.+)");
  private static final Path MAN1 = Path.of("target/classes/man1");

  /** One way to ask for help: the executable, and the name it is called by. */
  record Call(String executable, String calledAs) {
    @Override
    public String toString() {
      return calledAs == null ? executable : calledAs + " (" + executable + ")";
    }
  }

  static Stream<Call> calls() {
    List<Call> calls = new ArrayList<>();
    for (String name : executables()) {
      calls.add(new Call(name, null));
      String nagios = nagiosName(name);
      if (!nagios.isEmpty()) {
        calls.add(new Call(name, nagios));
      }
    }
    return calls.stream();
  }

  private static List<String> executables() {
    return ExecutableRegistry.names(HelpTest.class.getClassLoader());
  }

  private static String nagiosName(String executable) {
    return new PageLayout(executable, "", Path.of(""), Path.of("")).nagiosName();
  }

  /** Every name a user types: the executables, their Nagios names and the launcher. */
  private static List<String> commandNames() {
    List<String> names = new ArrayList<>(executables());
    executables().stream().map(HelpTest::nagiosName).filter(n -> !n.isEmpty()).forEach(names::add);
    names.add("rollcall");
    return names;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void everyLineFitsEightyColumns(Call call) throws Exception {
    List<String> wide = new ArrayList<>();
    for (String line : help(call)) {
      if (line.codePointCount(0, line.length()) > WIDTH) {
        wide.add(line);
      }
    }
    assertThat(wide).as(call + " --help: lines wider than " + WIDTH + " columns").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void paragraphsAreWrappedByPicocliAlone(Call call) throws Exception {
    List<String> description = descriptionLines(call, help(call));
    List<String> handBroken = new ArrayList<>();
    for (int i = 0; i + 1 < description.size(); i++) {
      String line = description.get(i);
      String next = description.get(i + 1);
      if (line.isBlank() || next.isBlank() || line.startsWith(" ") || next.startsWith(" ")) {
        continue; // a paragraph's end, or a block shown as written
      }
      String[] words = next.split(" ", 2);
      // picocli keeps a word on a line when the word and the blank after it fit (the blank not
      // needed after a paragraph's last word).
      int needed = 1 + words[0].length() + (words.length > 1 ? 1 : 0);
      boolean sentenceEnds = line.matches(".*[^.][.:!?]") || line.endsWith(":");
      boolean newItem = LABELLED.matcher(next).matches();
      if (!sentenceEnds && !newItem && line.length() + needed <= WIDTH) {
        handBroken.add(line + "⏎" + next);
      }
    }
    assertThat(handBroken)
        .as(
            call
                + " --help: a line broken by hand inside a sentence (picocli would have fitted the"
                + " next word): let picocli wrap the paragraph")
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void noNameIsSplitAcrossLines(Call call) throws Exception {
    List<String> lines = help(call);
    List<String> split = new ArrayList<>();
    for (int i = 0; i + 1 < lines.size(); i++) {
      String[] before = lines.get(i).strip().split(" ");
      String end = before[before.length - 1].replaceFirst("^[(\\['\"]+", "");
      String start = lines.get(i + 1).strip().split(" ", 2)[0];
      for (String name : commandNames()) {
        if (!end.isEmpty() && !end.startsWith(name) && (end + start).startsWith(name)) {
          split.add(lines.get(i) + "⏎" + lines.get(i + 1));
        }
      }
    }
    assertThat(split).as(call + " --help: a rollcall name split across two lines").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void everyExampleIsWholeOnALineAndCanBePasted(Call call) throws Exception {
    List<String> help = help(call).stream().map(String::stripTrailing).toList();
    List<Example> examples = examples(call.executable());
    assertThat(examples).as(call + " --help: shows how to run it").isNotEmpty();
    for (Example example : examples) {
      assertThat(help)
          .as(call + " --help: a line of its own, not wrapped")
          .contains(example.line());
      assertThat(unbalancedQuote(example.text()))
          .as(call + " --help: the example's quotes are closed: " + example.text())
          .isFalse();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void everyExampleIsInTheManPage(Call call) throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/man")),
        "man is not installed (Debian package man-db)");
    String page = pageSections(call.executable(), "DESCRIPTION", "EXAMPLES");
    assertThat(page).as(call + ": the page's DESCRIPTION and EXAMPLES").isNotBlank();
    for (Example example : examples(call.executable())) {
      assertThat(page)
          .as(call + ": the example as man(1) shows it in DESCRIPTION or EXAMPLES")
          .contains(oneSpaced(example.text()));
    }
  }

  /**
   * An example of a description: {@code line} as the help shows it, {@code text} what a user pastes
   * (a command, or a line of mon.cf).
   */
  record Example(String line, String text) {}

  /**
   * The examples of {@code executable}'s description: a line {@code LABEL: COMMAND}, and each
   * indented line of a block (a mon.cf snippet) that names a rollcall executable or follows a line
   * {@code Example..., in mon.cf:}. Fails on an "Example:" inside a line, and on a line starting
   * with "Example" that shows no rollcall command and introduces no block.
   */
  private static List<Example> examples(String executable) throws Exception {
    List<Example> examples = new ArrayList<>();
    boolean inBlock = false;
    String label = null;
    for (String line : rawDescription(executable)) {
      assertThat(line.indexOf("Example:"))
          .as(executable + ": an example starts a line of its own (%n before it): " + line)
          .isIn(-1, 0);
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith(" ")) {
        if (inBlock || namesRollcall(line)) {
          examples.add(new Example(line.stripTrailing(), line.strip()));
          label = null;
        }
        continue;
      }
      assertThat(label).as(executable + ": no example after " + label).isNull();
      Matcher labelled = LABELLED.matcher(line);
      boolean example = labelled.matches() && showsCommand(labelled.group(2));
      inBlock = !example && line.startsWith("Example") && line.stripTrailing().endsWith(":");
      label = inBlock ? line : null;
      assertThat(example || inBlock || !line.startsWith("Example"))
          .as(executable + ": an example shows a rollcall command: " + line)
          .isTrue();
      if (example) {
        examples.add(new Example(line.stripTrailing(), labelled.group(2).strip()));
      }
    }
    assertThat(label).as(executable + ": no example after " + label).isNull();
    return examples;
  }

  /** The {@code @Command} description's lines, as written (%n a line break). */
  private static List<String> rawDescription(String executable) throws Exception {
    String description =
        String.join(
                "\n",
                new CommandLine(Main.lookUp(executable))
                    .getCommandSpec()
                    .usageMessage()
                    .description())
            .replace("%n", "\n")
            .replace("%%", "%");
    return List.of(description.split("\n"));
  }

  private static boolean showsCommand(String text) {
    String run = text.substring(text.lastIndexOf(" | ") + 1).replaceFirst("^\\| ", "");
    String first = run.split(" ", 2)[0];
    return commandNames().contains(GoldenExamples.baseName(first));
  }

  private static boolean namesRollcall(String line) {
    for (String word : line.strip().split("\\s+")) {
      if (commandNames().contains(GoldenExamples.baseName(word))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a shell would still be inside a quote, or escaping a newline, at the end. */
  static boolean unbalancedQuote(String command) {
    char quote = 0;
    boolean escaped = false;
    for (char c : command.toCharArray()) {
      if (escaped) {
        escaped = false;
      } else if (quote == '\'') {
        quote = c == '\'' ? 0 : quote;
      } else if (c == '\\') {
        escaped = true;
      } else if (quote == '"') {
        quote = c == '"' ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      }
    }
    return quote != 0 || escaped;
  }

  /**
   * The description's lines as {@code --help} shows them (picocli's rendering of that section,
   * which the help must contain).
   */
  private static List<String> descriptionLines(Call call, List<String> help) throws Exception {
    CommandLine commandLine = new CommandLine(Main.lookUp(call.executable()));
    if (call.calledAs() != null) {
      commandLine.setCommandName(call.calledAs());
    }
    String description = commandLine.getHelp().description();
    assertThat(String.join("\n", help)).as(call + " --help").contains(description.strip());
    return List.of(description.split("\n"));
  }

  /** What {@code --help} prints, as the launcher runs it, line by line. */
  private static List<String> help(Call call) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int[] halted = {-1};
    Launcher launcher =
        new Launcher(
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            code -> halted[0] = code,
            call.calledAs());
    int code =
        call.calledAs() == null
            ? launcher.execute(Main.lookUp(call.executable()), "--help")
            : launcher.execute(Main.lookUp(call.executable()), "--nagios", "--help");
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(halted[0]).as(call + " --help ended by the deadline").isEqualTo(-1);
    assertThat(out)
        .as(call + " --help (exit " + code + ")")
        .contains("Usage: " + (call.calledAs() == null ? call.executable() : call.calledAs()));
    return List.of(out.split("\n"));
  }

  /**
   * The text of {@code sections} of {@code executable}'s page as man(1) shows it, on lines wide
   * enough that nothing is filled onto a new line, every run of blanks one space.
   */
  private static String pageSections(String executable, String... sections) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("man", "-l", MAN1.resolve(executable + ".1").toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    // The page as any sysadmin's man shows it, whatever this JVM's locale and terminal.
    builder.environment().put("LC_ALL", "C.UTF-8");
    builder.environment().put("MANWIDTH", "1000");
    Process man = builder.start();
    String text = new String(man.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(man.waitFor(30, TimeUnit.SECONDS)).isTrue();
    StringBuilder wanted = new StringBuilder();
    boolean in = false;
    for (String line : text.split("\n")) {
      if (!line.isEmpty() && !line.startsWith(" ")) {
        in = List.of(sections).contains(line.strip());
      } else if (in) {
        wanted.append(line).append('\n');
      }
    }
    return oneSpaced(wanted.toString());
  }

  private static String oneSpaced(String text) {
    return text.replaceAll("\\s+", " ");
  }
}
