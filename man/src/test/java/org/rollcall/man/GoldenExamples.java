package org.rollcall.man;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The examples of the pages that show a run and its output, held to the golden cases that prove
 * them. In AsciiDoc a comment line {@code // golden: EXE/CASE} comes directly before a listing
 * block ({@code ----}); in Markdown an HTML comment line {@code <!-- golden: EXE/CASE -->} directly
 * before a fenced block. The block's first line is {@code $ COMMAND} (continued by a trailing
 * {@code \}), and its other lines are the case's standard output: its {@code .out} before any
 * {@code ==> FILE <==} section.
 *
 * <p>COMMAND runs the case as a shell would split it: EXE (or its Nagios name, standing for {@code
 * --nagios}; by its path or as {@code rollcall EXE} too) and the words of its {@code .args}, {@code
 * --proc-root @PROC@} (the saved system standing for /proc) left out and every other {@code @KEY@}
 * shown as the case writes it (in the output, {@code @PROC@} may read as the /proc the command
 * shown reads). Its {@code .env} as {@code KEY=VALUE} words before EXE and its {@code .stdin} piped
 * in by {@code echo} or {@code printf} may be shown too, and then must be the case's.
 */
final class GoldenExamples {
  private static final Pattern ASCIIDOC_MARKER = Pattern.compile("//\\s*golden:\\s*(\\S+)\\s*");
  private static final Pattern MARKDOWN_MARKER =
      Pattern.compile("<!--\\s*golden:\\s*(\\S+)\\s*-->");
  private static final Pattern FILE_SECTION = Pattern.compile("==> .+ <==");

  /** A delimited block of a page: its first line's number, its golden marker (or null). */
  record Block(int line, String marker, List<String> lines) {}

  private final List<Path> goldenRoots;
  private final List<String> commandNames;

  /**
   * @param goldenRoots the modules' {@code src/test/resources/golden} directories
   * @param commandNames every name a user types (executables, Nagios names, the launcher)
   */
  GoldenExamples(List<Path> goldenRoots, List<String> commandNames) {
    this.goldenRoots = goldenRoots;
    this.commandNames = commandNames;
  }

  /** The delimited blocks of {@code text}, an AsciiDoc page or (by its name) a Markdown file. */
  static List<Block> blocks(String fileName, String text) {
    boolean markdown = fileName.endsWith(".md");
    List<String> lines = List.of(text.split("\n", -1));
    List<Block> blocks = new ArrayList<>();
    String marker = null;
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      Matcher marked = (markdown ? MARKDOWN_MARKER : ASCIIDOC_MARKER).matcher(line.strip());
      String fence = opening(line, markdown);
      if (marked.matches()) {
        marker = marked.group(1);
        i++;
      } else if (fence != null) {
        int start = ++i;
        while (i < lines.size() && !closes(lines.get(i), fence, markdown)) {
          i++;
        }
        blocks.add(new Block(start, marker, lines.subList(start, Math.min(i, lines.size()))));
        marker = null;
        i++;
      } else if (marker != null && !markdown && line.matches("\\[.*\\]|\\.[^.\\s].*")) {
        i++; // a block's attributes or title, between the marker and the block
      } else {
        if (marker != null) {
          blocks.add(new Block(i + 1, marker, null));
          marker = null;
        }
        i++;
      }
    }
    if (marker != null) {
      blocks.add(new Block(lines.size(), marker, null));
    }
    return blocks;
  }

  private static String opening(String line, boolean markdown) {
    if (markdown) {
      Matcher fence = Pattern.compile("(```+|~~~+).*").matcher(line);
      return fence.matches() ? fence.group(1) : null;
    }
    return line.matches("-{4,}|\\.{4,}") ? line : null;
  }

  private static boolean closes(String line, String fence, boolean markdown) {
    return markdown
        ? line.strip().startsWith(fence) && line.strip().matches("[`~]+")
        : line.equals(fence);
  }

  /**
   * What is wrong with the examples of {@code file}; with {@code untiedToo}, also a block that
   * shows a rollcall run and its output without a marker.
   */
  List<String> problems(Path file, String text, boolean untiedToo) throws IOException {
    List<String> problems = new ArrayList<>();
    for (Block block : blocks(file.getFileName().toString(), text)) {
      String where = file + ":" + block.line() + ": ";
      if (block.marker() != null) {
        if (block.lines() == null) {
          problems.add(where + "golden: " + block.marker() + " is not directly before a block");
        } else {
          for (String problem : tied(block)) {
            problems.add(where + "golden: " + block.marker() + ": " + problem);
          }
        }
      } else if (untiedToo && showsRunAndOutput(block.lines())) {
        problems.add(
            where
                + "a run of "
                + block.lines().get(0)
                + " with its output but no golden marker before the block: tie it to a golden"
                + " case, or show the command alone");
      }
    }
    return problems;
  }

  private List<String> tied(Block block) throws IOException {
    String[] exeAndCase = block.marker().split("/", 2);
    Path args = exeAndCase.length < 2 ? null : caseFile(exeAndCase[0], exeAndCase[1], ".args");
    if (args == null) {
      return List.of("no such golden case (EXE/CASE.args under " + goldenRoots + ")");
    }
    GoldenCase c = GoldenCase.read(exeAndCase[0], args);
    List<String> lines = block.lines();
    if (lines.isEmpty() || !lines.get(0).startsWith("$ ")) {
      return List.of("the block's first line is not '$ COMMAND'; expected:\n$ " + c.shown());
    }
    StringBuilder command = new StringBuilder(lines.get(0).substring(2));
    int next = 1;
    while (command.toString().endsWith("\\") && next < lines.size()) {
      command.setLength(command.length() - 1);
      command.append(lines.get(next++));
    }
    List<String> problems = new ArrayList<>();
    String commandProblem = c.differsFrom(command.toString());
    if (commandProblem != null) {
      problems.add(commandProblem + "; expected:\n$ " + c.shown() + "\nshown:\n$ " + command);
    }
    String shown = String.join("\n", lines.subList(next, lines.size()));
    shown = shown.isEmpty() ? "" : shown + "\n";
    // The command shown reads /proc (no --proc-root): the saved system's @PROC@ may read so too.
    if (!shown.equals(c.stdout()) && !shown.equals(c.stdout().replace("@PROC@", "/proc"))) {
      problems.add(
          "the output differs from the case's; expected:\n" + c.stdout() + "shown:\n" + shown);
    }
    return problems;
  }

  private Path caseFile(String executable, String name, String suffix) {
    for (Path root : goldenRoots) {
      Path file = root.resolve(executable).resolve(name + suffix);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    return null;
  }

  /**
   * Whether {@code lines} start with {@code $ } and a rollcall run, and show more than commands.
   */
  private boolean showsRunAndOutput(List<String> lines) {
    if (lines.isEmpty() || !lines.get(0).startsWith("$ ") || !namesRollcall(lines.get(0))) {
      return false;
    }
    boolean continued = false;
    for (String line : lines) {
      if (!continued && !line.startsWith("$ ") && !line.isBlank()) {
        return true;
      }
      continued = line.endsWith("\\");
    }
    return false;
  }

  private boolean namesRollcall(String commandLine) {
    String run = commandLine.substring(2);
    run = run.substring(run.lastIndexOf('|') + 1);
    for (String word : run.strip().split("\\s+")) {
      if (!word.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
        return commandNames.contains(baseName(word));
      }
    }
    return false;
  }

  /** The stdout part of a case's {@code .out}: before its first {@code ==> FILE <==} line. */
  static String stdout(String out) {
    StringBuilder stdout = new StringBuilder();
    for (String line : out.split("\n", -1)) {
      if (FILE_SECTION.matcher(line).matches()) {
        return stdout.toString();
      }
      stdout.append(line).append('\n');
    }
    // The last piece followed no newline: it is one only when the output ended without one.
    return stdout.substring(0, stdout.length() - 1);
  }

  /** {@code word} without a directory: {@code /usr/lib/mon/mon.d/ps.monitor} runs ps.monitor. */
  static String baseName(String word) {
    return word.substring(word.lastIndexOf('/') + 1);
  }
}
