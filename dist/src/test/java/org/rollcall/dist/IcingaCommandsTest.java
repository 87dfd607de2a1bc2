package org.rollcall.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.cli.ExecutableRegistry;
import org.rollcall.core.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The Icinga 2 CheckCommand definitions the package ships: one for every Nagios plugin name the
 * registry gives, plus rollcall-procs, and Icinga 2 itself accepts them ({@code icinga2 daemon -C},
 * as user nagios, with the ITL and its plugins included first, as a user's icinga2.conf does).
 */
class IcingaCommandsTest {
  private static final Path COMMANDS = Path.of("src/main/icinga2/rollcall-commands.conf");

  @Test
  void everyPluginHasACheckCommandRunningIt() throws Exception {
    String text = Files.readString(COMMANDS);
    List<String> plugins = new ArrayList<>(List.of("check_rollcall_procs"));
    for (String name : ExecutableRegistry.names(getClass().getClassLoader())) {
      if (name.endsWith(".monitor") && !name.equals("nagios.monitor")) {
        plugins.add("check_rollcall_" + name.substring(0, name.length() - ".monitor".length()));
      }
    }
    for (String plugin : plugins) {
      String command = "rollcall-" + plugin.substring("check_rollcall_".length());
      int object = text.indexOf("object CheckCommand \"" + command + "\" {");
      assertThat(object).as(command).isNotNegative();
      assertThat(text.indexOf("command = [ PluginDir + \"/" + plugin + "\" ]", object))
          .as(command + " runs " + plugin)
          .isEqualTo(text.indexOf("command = [", object));
    }
  }

  /**
   * Options a service has no use for: the contract is the plugin name's, --explain, --help and
   * --version are for a person at a shell, --proc-root for a saved tree, and the hosts go as HOST
   * arguments (vars.rollcall_port_hosts), which --hostname only repeats.
   */
  private static final Set<String> NOT_FOR_A_SERVICE =
      Set.of(
          "--nagios", "--help", "--version", "--verbose", "--explain", "--proc-root", "--hostname");

  @Test
  void everyOptionOfAPluginIsAnArgumentOfItsCheckCommand() throws Exception {
    String text = Files.readString(COMMANDS);
    for (String name : ExecutableRegistry.names(getClass().getClassLoader())) {
      // rollcall-procs imports the ITL's procs command, whose arguments are check_procs' own.
      if (!name.endsWith(".monitor")
          || name.equals("nagios.monitor")
          || name.equals("procs.monitor")) {
        continue;
      }
      String command = "rollcall-" + name.substring(0, name.length() - ".monitor".length());
      int start = text.indexOf("object CheckCommand \"" + command + "\" {");
      int end = text.indexOf("\nobject ", start + 1);
      String object = text.substring(start, end < 0 ? text.length() : end);
      CommandSpec spec = new CommandLine(Main.lookUp(name)).getCommandSpec();
      for (OptionSpec option : spec.options()) {
        String longest = option.longestName();
        if (NOT_FOR_A_SERVICE.contains(longest)) {
          continue;
        }
        assertThat(object)
            .as(command + " passes " + longest)
            .containsAnyOf("\"" + longest + "\" = {", "\"" + option.shortestName() + "\" = {");
      }
    }
  }

  @Test
  void icingaValidatesThem(@TempDir Path dir) throws Exception {
    IcingaDaemon.assumeInstalled();
    assumeTrue(Shell.isRoot(), "icinga2 runs as nagios: its directory must be chowned, as root");
    Files.writeString(
        dir.resolve("icinga2.conf"),
        "const PluginDir = \"/usr/lib/nagios/plugins\"\n"
            + "const NodeName = \"localhost\"\nconst ZoneName = \"localhost\"\n"
            + "include <itl>\ninclude <plugins>\n"
            + "include \""
            + COMMANDS.toAbsolutePath()
            + "\"\n");
    Shell.ok("chown", "-R", "nagios:nagios", dir.toString());
    Shell.Result check = Shell.run(Map.of(), IcingaDaemon.command(dir, "-C"));
    assertThat(check.exit()).as(check.shown()).isZero();
    assertThat(check.stdout()).contains("Finished validating the configuration file(s).");
  }
}
