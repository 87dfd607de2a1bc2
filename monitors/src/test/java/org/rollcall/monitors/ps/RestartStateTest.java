package org.rollcall.monitors.ps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rollcall.monitors.ProcessKey;

class RestartStateTest {
  private static final String HEAD =
      RestartState.HEADER + "\nproc-root /proc\nbtime 1796630400\nuptime 10000.50\n";

  @Test
  void formatsEachRuleAndItsProcessesAndParsesThemBack() {
    Map<String, List<ProcessKey>> rules = new LinkedHashMap<>();
    rules.put("sshd:1-", List.of(new ProcessKey(812, 3000), new ProcessKey(900, 4200)));
    rules.put("args=a\\,b\nc:0-0", List.of());
    rules.put("cron:1-5", List.of(new ProcessKey(2147483647, 9223372036854775807L)));
    RestartState state = new RestartState("/proc", 1_796_630_400L, 10_000.5, rules);
    String text =
        HEAD
            + "rule sshd:1-\n812 3000\n900 4200\n"
            + "rule args=a\\\\,b\\nc:0-0\n"
            + "rule cron:1-5\n2147483647 9223372036854775807\n";
    assertThat(state.format()).isEqualTo(text);
    RestartState parsed = RestartState.parse(text);
    assertThat(parsed.procRoot()).isEqualTo("/proc");
    assertThat(parsed.bootTime()).isEqualTo(1_796_630_400L);
    assertThat(parsed.uptime()).isEqualTo(10_000.5);
    assertThat(parsed.runTime()).isEqualTo(1_796_640_400L);
    assertThat(parsed.rules()).containsExactlyEntriesOf(rules);
  }

  @Test
  void aStateWithNoRuleIsEmpty() {
    assertThat(RestartState.parse(HEAD).rules()).isEmpty();
  }

  @Test
  void refusesAnythingItDoesNotWriteNamingTheLine() {
    String[][] bad = {
      {"", "it does not start with '" + RestartState.HEADER + "'"},
      {
        "# rollcall cpu.monitor state, format 1\nproc-root /proc\nbtime 1\nuptime 1\n",
        "it does not start with '" + RestartState.HEADER + "'"
      },
      {
        RestartState.HEADER + "\nroot /proc\nbtime 1\nuptime 1\n",
        "line 2 does not start with 'proc-root'"
      },
      {
        RestartState.HEADER + "\nproc-root /proc\nbtime -1\nuptime 1\n",
        "line 3: the btime is not a number"
      },
      {
        RestartState.HEADER + "\nproc-root /proc\nbtime 1\nuptime 1e3\n",
        "line 4: the uptime is not a number"
      },
      {HEAD + "812 3000\n", "line 5 is not 'rule TEXT' or, after one, 'PID STARTTIME'"},
      {HEAD + "rule a:1-\n812 -3000\n", "line 6 is not 'rule TEXT' or, after one, 'PID STARTTIME'"},
      {
        HEAD + "rule a:1-\n2147483648 1\n",
        "line 6 is not 'rule TEXT' or, after one, 'PID STARTTIME'"
      },
      {
        HEAD + "rule a:1-\n812 3000 7\n", "line 6 is not 'rule TEXT' or, after one, 'PID STARTTIME'"
      },
      {
        HEAD + "rule a:1-\n\n812 3000\n", "line 6 is not 'rule TEXT' or, after one, 'PID STARTTIME'"
      },
      {HEAD + "rule a\\t:1-\n", "line 5: a rule's '\\' is not '\\\\' or '\\n'"},
      {HEAD + "rule a:1-\\\n", "line 5: a rule's '\\' is not '\\\\' or '\\n'"},
    };
    for (String[] text : bad) {
      assertThatThrownBy(() -> RestartState.parse(text[0]))
          .as(text[0])
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(text[1]);
    }
  }
}
