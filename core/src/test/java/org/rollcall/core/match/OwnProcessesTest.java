package org.rollcall.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OwnProcessesTest {
  /**
   * The wrappers as one regular expression: the definition the written-out test must agree with.
   */
  private static final Pattern WRAPPERS =
      Pattern.compile(
          "sh|dash|bash|zsh|ksh|mksh|busybox|env|timeout|nice|ionice|nohup|setpriv|runuser|su|sudo|chpst"
              + "|rollcall.*|check_rollcall.*|.*\\.monitor|.*\\.alert");

  @Test
  void wrappersAreTheNamesOfTheExpression() {
    String[] names = {
      "sh",
      "dash",
      "bash",
      "zsh",
      "ksh",
      "mksh",
      "busybox",
      "env",
      "timeout",
      "nice",
      "ionice",
      "nohup",
      "setpriv",
      "runuser",
      "su",
      "sudo",
      "chpst",
      "rollcall",
      "rollcall-x",
      "check_rollcall_ps",
      "check_rollcal",
      "ps.monitor",
      ".monitor",
      "ps.monitorx",
      "mail.alert",
      "alert",
      "rollcall\nx",
      "a\r.alert",
      "x\u2028.monitor",
      "rollcall\u0085",
      "sshd",
      "bash5",
      "",
      "shh",
      "mon",
      "cron",
      "java",
      "sudo ",
      "rollcal"
    };
    for (String name : names) {
      assertThat(OwnProcesses.isWrapper(name)).as(name).isEqualTo(WRAPPERS.matcher(name).matches());
    }
  }
}
