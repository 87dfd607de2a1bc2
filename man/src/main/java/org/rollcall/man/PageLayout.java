package org.rollcall.man;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One man page's AsciiDoc: picocli's generated sections included by tag, in man(7)'s order, with
 * EXIT STATUS, ENVIRONMENT, FILES and EXAMPLES from templates. A template named after the
 * executable ({@code ps.monitor-examples.adoc}) wins over the one for its kind ({@code
 * monitor-examples.adoc}), so an executable merged without its own templates still gets a complete
 * page.
 */
record PageLayout(String name, Path generated, Path templates) {

  /** "monitor" or "alert": what mon calls the executable, from its name. */
  String kind() {
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
    for (String section :
        new String[] {"name", "synopsis", "description", "options", "arguments"}) {
      generatedSection(page, section);
    }
    for (String part :
        new String[] {"exit-status", "environment", "files", "examples", "see-also"}) {
      page.append("include::").append(template(part)).append("[]\n\n");
    }
    return page.toString();
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
