package org.rollcall.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The .deb as Debian checks a package: lintian with its errors, warnings and informational tags
 * shown, and the tags the package overrides. Every error fails; a warning or an informational tag
 * fails unless it is one of the few below, each with the reason it stays.
 */
class LintianIT {
  /** {@code X: rollcall: TAG [CONTEXT]}, the context optional. */
  private static final Pattern TAG =
      Pattern.compile("([EWIPXO]): rollcall(?: [a-z]+)?: ([a-z0-9][a-z0-9+.-]*)(?: (.*))?");

  /** The tags allowed to stay, each for the contexts it is justified in. */
  private static final Map<String, BiPredicate<String, List<String>>> ALLOWED =
      Map.of(
          // The main jar holds no class on purpose: its manifest names the entry point and every
          // other jar, so "java -jar /usr/share/rollcall/lib/rollcall-VERSION.jar NAME" runs any
          // executable without the launcher (stage.sh reads the same manifest).
          "codeless-jar",
          (context, executables) ->
              context.equals("[usr/share/rollcall/lib/rollcall-" + Built.VERSION + ".jar]"),
          // The monitors and alerts live where mon and Nagios look for them (/usr/lib/mon/mon.d,
          // alert.d, /usr/lib/nagios/plugins), not on the PATH; their pages are still how a
          // sysadmin reads them ("man ps.monitor", "man check_rollcall_ps").
          "spare-manual-page",
          (context, executables) ->
              executables.stream()
                  .filter(name -> !name.equals("ps.discover"))
                  .anyMatch(name -> context.equals("[usr/share/man/man1/" + name + ".1.gz]")));

  /**
   * The tags the package overrides in /usr/share/lintian/overrides/rollcall, with the reasons
   * written there: JNA's native library for both architectures in an arch-all package, as JNA
   * released it.
   */
  private static final List<String> OVERRIDDEN =
      List.of("arch-independent-package-contains-binary-or-object", "unstripped-binary-or-object");

  @Test
  void lintianFindsNoErrorAndOnlyTheJustifiedWarnings() throws IOException {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/lintian")),
        "lintian is not installed (Debian package lintian)");
    Path deb = Built.deb();
    assertThat(deb).as("the .deb the package phase built").isRegularFile();
    Shell.Result run =
        Shell.run(
            "lintian",
            "--display-level",
            ">=info",
            "--show-overrides",
            "--tag-display-limit",
            "0",
            // Judged below, tag by tag: a failed exit is then lintian's own failure.
            "--fail-on",
            "none",
            deb.toString());
    assertThat(run.exit()).as(run.shown()).isZero();
    assertThat(run.stderr().replace("running with root privileges is not recommended!\n", ""))
        .as(run.shown())
        .isEmpty();

    List<String> executables = new ArrayList<>(Built.executables());
    executables.addAll(Built.nagiosNames());
    List<String> refused = new ArrayList<>();
    List<String> overridden = new ArrayList<>();
    for (String line : run.stdout().split("\n")) {
      if (line.isEmpty() || line.startsWith("N:")) {
        continue;
      }
      Matcher tag = TAG.matcher(line);
      assertThat(tag.matches()).as("a lintian line: " + line).isTrue();
      String level = tag.group(1);
      String name = tag.group(2);
      String context = tag.group(3) == null ? "" : tag.group(3);
      if (level.equals("O")) {
        overridden.add(name);
      } else if (level.equals("E")
          || !ALLOWED.getOrDefault(name, (c, e) -> false).test(context, executables)) {
        refused.add(line);
      }
    }
    assertThat(refused).as("lintian's tags that are neither fixed nor justified").isEmpty();
    assertThat(overridden).as("the package's overrides").isSubsetOf(OVERRIDDEN);
  }
}
