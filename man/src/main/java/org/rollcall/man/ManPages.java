package org.rollcall.man;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
   * command's description: the generated text is escaped so it stays two hyphens.
   */
  static void escapeDoubleHyphens(Path page) throws IOException {
    Files.writeString(page, Files.readString(page).replace(" -- ", " \\-- "));
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
      escapeDoubleHyphens(generated.resolve(name + ".adoc"));
      String[] header = spec.usageMessage().header();
      PageLayout layout =
          new PageLayout(
              name, header.length == 1 ? header[0] : null, generated.toAbsolutePath(), templates);
      Files.writeString(pages.resolve(name + ".adoc"), layout.asciidoc());
      if (!layout.nagiosName().isEmpty()) {
        Files.writeString(man1.resolve(layout.nagiosName() + ".1"), layout.nagiosLink());
      }
    }
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
