package org.rollcall.monitors.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.cli.ArgumentFiles;

class ListingTest {
  @TempDir Path dir;

  /**
   * Each rule comes back from the file as the argument ps.monitor must get, none lost as a comment.
   */
  @Test
  void writesEachRuleSoAnArgumentFileReadsItBack() throws Exception {
    String[] rules = {"sshd,/usr/sbin/sshd:1-1", "@x,/opt/x:1-1", "#x,/opt/x:1-1", " #x:1-1"};
    StringBuilder file = new StringBuilder("# a comment\n");
    for (String rule : rules) {
      file.append(Listing.argumentLine(rule)).append('\n');
    }
    Path rulesFile = Files.writeString(dir.resolve("rules"), file);
    assertThat(ArgumentFiles.expand(new String[] {"@" + rulesFile}))
        .containsExactly(
            "sshd,/usr/sbin/sshd:1-1", "@x,/opt/x:1-1", "name=#x,/opt/x:1-1", "name= #x:1-1");
  }
}
