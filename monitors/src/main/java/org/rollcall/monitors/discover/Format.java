package org.rollcall.monitors.discover;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rollcall.core.cli.UsageException;

/**
 * The shapes ps.discover writes its rules in, each a file its reader takes as it is. The service
 * formats write every reason as a comment, then a service for ps.monitor (when a rule holds) and
 * one for exclusion.monitor.
 */
enum Format {
  /**
   * One rule a line, as it is, comments after {@code #}: an argument file ({@code
   * ps.monitor @FILE}); the exclusion.monitor line it proposes is a comment there.
   */
  RULES("#", "each line is one argument of ps.monitor") {
    @Override
    void write(Discovery found, PrintWriter out) {
      Listing listing = new Listing(found, "#", out);
      listing.header(what);
      listing.usage("run: ps.monitor @FILE");
      service(listing, "ps", "processes", listing.ruleTexts());
      service(listing, "exclusion", "exclusion", listing.exclusionArguments());
    }

    /** ps.monitor's rules each on its line after its reason; exclusion.monitor's as a comment. */
    @Override
    void service(Listing listing, String plugin, String name, List<String> words) {
      if (plugin.equals("ps")) {
        listing.rules();
        return;
      }
      listing.comment(
          "exclusion.monitor that holds now (not for ps.monitor): exclusion.monitor "
              + Quoting.shellLine(words)
              + " ;;");
      listing.exclusionReasons();
    }
  },
  /** mon.cf services for ps.monitor and exclusion.monitor. */
  MON("#", "a watch for mon.cf") {
    /** The hostgroup too: mon warns at every start of a watch without one. */
    @Override
    void prologue(Listing listing) {
      listing.line("hostgroup localhost localhost");
      listing.line("");
      listing.line("watch localhost");
    }

    @Override
    void service(Listing listing, String plugin, String name, List<String> words) {
      listing.line("    service " + name);
      listing.line("        interval 5m");
      listing.line("        monitor " + plugin + ".monitor " + Quoting.shellLine(words) + " ;;");
      listing.line("        period wd {Sun-Sat}");
      listing.line("            alert mail.alert root");
      listing.line("            upalert mail.alert root");
    }
  },
  /** Nagios object definitions: the commands and a service each. */
  NAGIOS("#", "Nagios objects (check_rollcall_ps is ps.monitor under its plugin name)") {
    @Override
    void service(Listing listing, String plugin, String name, List<String> words) {
      List<String> quoted = new ArrayList<>();
      for (String word : words) {
        quoted.add(Quoting.nagios(word));
      }
      listing.line("define command {");
      listing.line("    command_name  check_rollcall_" + plugin);
      listing.line("    command_line  $USER1$/check_rollcall_" + plugin + " $ARG1$");
      listing.line("}");
      listing.line("define service {");
      listing.line("    use                  generic-service");
      listing.line("    host_name            localhost");
      listing.line("    service_description  " + name);
      listing.line(
          "    check_command        check_rollcall_" + plugin + "!" + String.join(" ", quoted));
      listing.line("}");
    }
  },
  /** Icinga 2 objects: a CheckCommand and a Service each, the arguments as an array. */
  ICINGA("//", "Icinga 2 objects") {
    @Override
    void service(Listing listing, String plugin, String name, List<String> words) {
      String variable = "rollcall_" + plugin + "_arguments";
      listing.line("object CheckCommand \"rollcall_" + plugin + "\" {");
      listing.line("  command = [ PluginDir + \"/check_rollcall_" + plugin + "\" ]");
      listing.line("  arguments = {");
      listing.line("    \"(words)\" = { value = \"$" + variable + "$\"; skip_key = true }");
      listing.line("  }");
      listing.line("}");
      listing.line("object Service \"" + name + "\" {");
      listing.line("  host_name = \"localhost\"");
      listing.line("  check_command = \"rollcall_" + plugin + "\"");
      listing.line("  vars." + variable + " = [");
      for (String word : words) {
        listing.line("    " + Quoting.icinga(word) + ",");
      }
      listing.line("  ]");
      listing.line("}");
    }
  };

  private final String mark;
  final String what;

  Format(String mark, String what) {
    this.mark = mark;
    this.what = what;
  }

  /** The format {@code --format} names, in lower case. */
  static Format named(String name) {
    for (Format format : values()) {
      if (format.name().toLowerCase(Locale.ROOT).equals(name)) {
        return format;
      }
    }
    throw new UsageException("--format " + name + " is none of rules, mon, nagios, icinga");
  }

  void write(Discovery found, PrintWriter out) {
    Listing listing = new Listing(found, mark, out);
    listing.header(what);
    listing.reasons();
    listing.exclusionReasons();
    prologue(listing);
    if (!found.rules().isEmpty()) {
      service(listing, "ps", "processes", listing.ruleTexts());
    }
    service(listing, "exclusion", "exclusion", listing.exclusionArguments());
  }

  /** What comes before the services. */
  void prologue(Listing listing) {}

  /** One service running {@code plugin} (ps, exclusion) with {@code words} as its arguments. */
  abstract void service(Listing listing, String plugin, String name, List<String> words);
}
