package org.rollcall.man;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rollcall.core.cli.ExecutableRegistry;
import org.rollcall.core.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes an AsciiDoc man page for every executable registered on the class path: picocli's
 * generated sections (name, synopsis, description, options) with the sections a generator cannot
 * know taken from templates.
 *
 * <p>{@code ManPages GENERATED_DIR TEMPLATE_DIR PAGE_DIR MAN1_DIR}: the AsciiDoc pages go to
 * PAGE_DIR, for asciidoctor to render into MAN1_DIR; the Nagios names' {@code .so} links go
 * straight to MAN1_DIR.
 */
public final class ManPages {
  /** The pages no executable generates: rollcall(1), the launcher, and rollcall-rules(5). */
  static final List<String> HAND_WRITTEN = List.of("rollcall", "rollcall-rules");

  private ManPages() {}

  /**
   * AsciiDoc turns a spaced "--" into an em dash, which would break "nagios.monitor -- PLUGIN" in a
   * command's description: {@code text} with each spaced "--" escaped, so it stays two hyphens,
   * except in literal paragraphs (indented lines after a blank one, such as a command's example),
   * which asciidoctor shows as written, backslash and all.
   */
  static String escapeDoubleHyphens(String text) {
    List<String> lines = new ArrayList<>();
    boolean literal = false;
    String previous = "";
    for (String line : text.split("\n", -1)) {
      literal = line.startsWith(" ") && (previous.isEmpty() || literal);
      lines.add(literal ? line : line.replace(" -- ", " \\-- "));
      previous = line;
    }
    return String.join("\n", lines);
  }

  /**
   * Option labels as {@code --help} writes them. picocli writes an option with one short name as
   * {@code *-s*, _SERVICE_::} and {@code *-u*, ::}, as if a long name followed: written {@code
   * *-s*=_SERVICE_::} and {@code *-u*::}. A label holding brackets ({@code _HOST[:PORT]_}) would
   * start an attribute list for the next emphasis on the line and swallow the options between: its
   * brackets are written as the attributes {@code {startsb}} and {@code {endsb}}, which asciidoctor
   * replaces only after it has read the emphasis.
   */
  static String tidyOptionLabels(String page) {
    String joined =
        page.replaceAll("(?m)^(\\*-[^-*\\s]+\\*), (_[^\\n]*_)?::$", "$1=$2::")
            .replaceAll("(?m)^(\\*-[^-*\\s]+\\*)=::$", "$1::");
    Matcher label = BRACKETED_LABEL.matcher(joined);
    StringBuilder tidy = new StringBuilder();
    while (label.find()) {
      String escaped = label.group(2).replace("[", "{startsb}").replace("]", "{endsb}");
      label.appendReplacement(tidy, Matcher.quoteReplacement(label.group(1) + escaped + "_"));
    }
    return label.appendTail(tidy).toString();
  }

  private static final Pattern BRACKETED_LABEL =
      Pattern.compile("(\\*=_)([^_\\s]*[\\[\\]][^_\\s]*)_");

  /**
   * The list of executables rollcall(1) includes ({@code _executables.adoc}, which asciidoctor does
   * not render as a page of its own): each page with its one-line summary, monitors first, then the
   * other executables, then the alerts, so the list never misses one the build holds.
   */
  static String executablesList(List<CommandSpec> specs) {
    StringBuilder list = new StringBuilder();
    for (String kind : new String[] {"monitor", "other", "alert"}) {
      for (CommandSpec spec : specs) {
        String name = spec.name();
        String itsKind = PageLayout.kindOf(name);
        boolean listedHere =
            kind.equals(itsKind)
                || kind.equals("other") && !List.of("monitor", "alert").contains(itsKind);
        if (listedHere) {
          String[] header = spec.usageMessage().header();
          list.append('*')
              .append(name)
              .append("*(1)::\n  ")
              .append(header.length == 1 ? header[0] : name)
              .append(".\n");
        }
      }
    }
    return list.toString();
  }

  public static void main(String[] args) throws Exception {
    Path generated = Path.of(args[0]);
    Path templates = Path.of(args[1]).toAbsolutePath();
    Path pages = Path.of(args[2]);
    Path man1 = Path.of(args[3]);
    List<String> names = ExecutableRegistry.names(ManPages.class.getClassLoader());
    List<CommandSpec> specs = new ArrayList<>();
    for (String name : names) {
      specs.add(new CommandLine(Main.lookUp(name)).getCommandSpec());
    }
    Files.createDirectories(generated);
    Files.createDirectories(pages);
    Files.createDirectories(man1);
    int status =
        ManPageGenerator.generateManPage(
            generated.toFile(), null, new boolean[0], false, specs.toArray(new CommandSpec[0]));
    if (status != 0) {
      throw new IllegalStateException("picocli's ManPageGenerator failed with status " + status);
    }
    for (CommandSpec spec : specs) {
      String name = spec.name();
      Path generatedPage = generated.resolve(name + ".adoc");
      Files.writeString(
          generatedPage, tidyOptionLabels(escapeDoubleHyphens(Files.readString(generatedPage))));
      String[] header = spec.usageMessage().header();
      PageLayout layout =
          new PageLayout(
              name, header.length == 1 ? header[0] : null, generated.toAbsolutePath(), templates);
      Files.writeString(pages.resolve(name + ".adoc"), layout.asciidoc());
      if (!layout.nagiosName().isEmpty()) {
        Files.writeString(man1.resolve(layout.nagiosName() + ".1"), layout.nagiosLink());
      }
    }
    Files.writeString(pages.resolve("_executables.adoc"), executablesList(specs));
    // The launcher is a shell script, not a picocli command, and the rule syntax is a file format:
    // their pages are written by hand.
    for (String page : HAND_WRITTEN) {
      Files.copy(
          templates.resolve(page + ".adoc"),
          pages.resolve(page + ".adoc"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
