package org.rollcall.man;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One man page's AsciiDoc: picocli's generated sections included by tag, in man(7)'s order, with
 * the sections a generator cannot know from templates: the rest of the DESCRIPTION (the
 * executable's own {@code NAME-description.adoc}, when it has one), OUTPUT, NAGIOS PLUGIN for a
 * monitor with a Nagios name, EXIT STATUS, ENVIRONMENT, FILES, EXAMPLES, SECURITY and SEE ALSO. A
 * template named after the executable ({@code ps.monitor-examples.adoc}) wins over the one for its
 * kind ({@code monitor-examples.adoc}), so an executable merged without its own templates still
 * gets a complete page.
 *
 * <p>The NAME line is written here, not taken from picocli: a one-line summary ending with
 * "(rollcall)", so {@code man -k rollcall} lists every executable. It names the executable alone:
 * given a second name, asciidoctor would write that name's page as {@code .so ps.monitor.1}, which
 * man-db cannot open from /usr/share/man; the Nagios name gets its own {@code .so man1/...} page
 * ({@link #nagiosLink()}), which mandb indexes under that name.
 *
 * @param summary the executable's one-line summary, its {@code @Command} header
 */
record PageLayout(String name, String summary, Path generated, Path templates) {

  /** "monitor" or "alert": what mon calls the executable, from its name. */
  String kind() {
    return kindOf(name);
  }

  /** What mon calls executable {@code name}: the text after its last dot. */
  static String kindOf(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** The Nagios plugin name the package gives a monitor, or an empty string. */
  String nagiosName() {
    return name.endsWith(".monitor") && !name.equals("nagios.monitor")
        ? "check_rollcall_" + name.substring(0, name.length() - ".monitor".length())
        : "";
  }

  String asciidoc() {
    StringBuilder page = new StringBuilder();
    generatedSection(page, "header");
    page.append(":rc-name: ").append(name).append('\n');
    if (!nagiosName().isEmpty()) {
      page.append(":rc-nagios-name: ").append(nagiosName()).append('\n');
      // The Icinga 2 CheckCommand the package ships for it (dist/src/main/icinga2).
      page.append(":rc-icinga-command: rollcall-")
          .append(nagiosName().substring("check_rollcall_".length()))
          .append('\n');
    }
    page.append('\n');
    page.append("== Name\n\n").append(nameLine()).append("\n\n");
    generatedSection(page, "synopsis");
    generatedSection(page, "description");
    Path description = templates.resolve(name + "-description.adoc");
    if (Files.exists(description)) {
      page.append("include::").append(description).append("[]\n\n");
    }
    generatedSection(page, "options");
    generatedSection(page, "arguments");
    include(page, "output");
    if (!nagiosName().isEmpty()) {
      include(page, "nagios");
    }
    for (String part :
        new String[] {"exit-status", "environment", "files", "examples", "security", "see-also"}) {
      include(page, part);
    }
    return page.toString();
  }

  /** {@code ps.monitor - SUMMARY (rollcall)}, whatis's line. */
  String nameLine() {
    if (summary == null || summary.isBlank() || summary.contains("\n")) {
      throw new IllegalStateException(
          name + " needs a one-line summary in its @Command(header = ...) for its NAME line");
    }
    return name + " - " + summary + " (rollcall)";
  }

  /**
   * The page {@code man NAGIOS_NAME} opens: a {@code .so} link to the executable's own, which
   * documents the Nagios contract too.
   */
  String nagiosLink() {
    return ".so man1/" + name + ".1\n";
  }

  private void include(StringBuilder page, String part) {
    page.append("include::").append(template(part)).append("[]\n\n");
  }

  private void generatedSection(StringBuilder page, String section) {
    page.append("include::")
        .append(generated.resolve(name + ".adoc"))
        .append("[tag=picocli-generated-man-section-")
        .append(section)
        .append("]\n\n");
  }

  private Path template(String part) {
    Path own = templates.resolve(name + "-" + part + ".adoc");
    return Files.exists(own) ? own : templates.resolve(kind() + "-" + part + ".adoc");
  }
}
