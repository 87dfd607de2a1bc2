package org.rollcall.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.cli.ExecutableRegistry;

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
