package org.rollcall.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.proc.FakeProc;
import org.rollcall.core.proc.ProcFs;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.proc.Scan;
import org.rollcall.core.result.Status;

class RuleCounterTest {
  @TempDir Path root;

  private List<RuleCount> count(Scan scan, Set<Integer> excluded, String... rules) {
    RuleParser parser = new RuleParser(new MatchParser(MatchTest.USERS));
    return RuleCounter.count(List.of(rules).stream().map(parser::parse).toList(), scan, excluded);
  }

  @Test
  void countsExactlyAndSkipsZombiesAndExcludedProcesses() {
    FakeProc proc = new FakeProc(root);
    proc.process(10, "sshd").exe("/usr/sbin/sshd");
    proc.process(11, "sshd").exe("/usr/sbin/sshd").ids(1000, 1000);
    proc.process(12, "sshd").state('Z');
    proc.process(13, "cron");
    proc.process(14, "bash");
    List<RuleCount> counts =
        count(
            proc.fs().scan(),
            Set.of(14),
            "sshd:1-1",
            "cron:1-5",
            "bash:0-0",
            "sshd,!user=root:0-0",
            "atd:1-");
    assertThat(counts)
        .extracting(RuleCount::matched)
        .containsExactly(List.of(10, 11), List.of(13), List.of(), List.of(11), List.of());
    assertThat(counts)
        .extracting(RuleCount::status)
        .containsExactly(Status.CRITICAL, Status.OK, Status.OK, Status.CRITICAL, Status.CRITICAL);
  }

  @Test
  void everyProcessAloneReadsNoProcessFilesOnTheLiveProc() {
    RuleParser parser = new RuleParser(new MatchParser(MatchTest.USERS));
    List<Rule> rules = List.of(parser.parse("*:0-"));
    ProcFs live = ProcFs.system();
    Scan scan = RuleCounter.scanFor(live, rules);
    List<RuleCount> counts = RuleCounter.count(rules, scan, OwnProcesses.of(scan, live));
    int self = (int) ProcessHandle.current().pid();
    assertThat(counts.get(0).matched()).contains(1).doesNotContain(self);
    for (ProcessEntry process : scan.processes()) {
      if (process.pid() != self
          && process.pid() != (int) ProcessHandle.current().parent().orElseThrow().pid()) {
        assertThat(process.statIfRead()).as("pid %d", process.pid()).isNull();
      }
    }
  }

  @Test
  void undecidedProcessesOnlyMatterWhenTheyCouldChangeTheOutcome() {
    FakeProc proc = new FakeProc(root);
    proc.process(1, "init").label("system_u:system_r:init_t:s0");
    proc.process(2, "mysqld");
    proc.process(3, "tor");
    Scan scan = proc.fs().scan();
    List<RuleCount> counts =
        count(
            scan,
            Set.of(),
            "context=init_t:1-",
            "context=init_t:1-1",
            "context=init_t:5-",
            "tor,context=init_t:0-0");
    assertThat(counts.get(0).status()).isEqualTo(Status.OK);
    assertThat(counts.get(1).status()).isEqualTo(Status.UNKNOWN);
    assertThat(counts.get(1).low()).isEqualTo(1);
    assertThat(counts.get(1).high()).isEqualTo(3);
    assertThat(counts.get(1).undecided()).containsExactly(2, 3);
    assertThat(counts.get(1).undecidedReason()).contains("no attr/current");
    assertThat(counts.get(2).status()).isEqualTo(Status.CRITICAL);
    assertThat(counts.get(3).status()).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void hiddenProcessesMakeUpperBoundsUndecidable() {
    FakeProc proc = new FakeProc(root);
    proc.process(5, "cron");
    Scan visible = proc.fs().scan();
    Scan hidden = new Scan(visible.processes(), 0, "/proc is mounted with hidepid=2");
    List<RuleCount> counts = count(hidden, Set.of(), "cron:1-", "cron:1-1", "sshd:0-0", "sshd:1-");
    assertThat(counts)
        .extracting(RuleCount::status)
        .containsExactly(Status.OK, Status.UNKNOWN, Status.UNKNOWN, Status.UNKNOWN);
    Scan unreadable = new Scan(visible.processes(), 2, null);
    assertThat(count(unreadable, Set.of(), "cron:1-3").get(0).status()).isEqualTo(Status.OK);
    assertThat(count(unreadable, Set.of(), "cron:1-2").get(0).status()).isEqualTo(Status.UNKNOWN);
  }

  /**
   * The counts are those of testing every rule on every process: interpreters named by their
   * script, names longer than comm, negated names, other terms.
   */
  @Test
  void countsAsTestingEveryRuleOnEveryProcessWould() {
    FakeProc proc = new FakeProc(root);
    proc.process(10, "sshd").exe("/usr/sbin/sshd");
    proc.process(11, "sshd").exe("/usr/sbin/sshd").ids(1000, 1000);
    proc.process(20, "python3").cmdline("/usr/bin/python3", "/usr/sbin/fail2ban-server");
    proc.process(21, "python3").cmdline("/usr/bin/python3");
    proc.process(22, "fail2ban-server").cmdline("/usr/sbin/fail2ban-server");
    proc.process(30, "rollcall-long-n")
        .cmdline("/opt/bin/rollcall-long-name-daemon")
        .exe("/opt/bin/rollcall-long-name-daemon");
    proc.process(31, "rollcall-long-n")
        .cmdline("/opt/bin/rollcall-long-name-other")
        .exe("/opt/bin/other");
    proc.process(40, "cron");
    proc.process(41, "perl").cmdline("perl", "/usr/bin/cron");
    String[] rules = {
      "sshd:0-",
      "fail2ban-server:0-",
      "python3:0-",
      "rollcall-long-name-daemon:0-",
      "rollcall-long-n:0-",
      "!sshd:0-",
      "cron:0-",
      "cron,user=root:0-",
      "user=root,sshd:0-",
      "/usr/sbin/sshd:0-",
      "sshd,!user=root:0-"
    };
    Scan scan = proc.fs().scan();
    List<RuleCount> counts = count(scan, Set.of(), rules);
    RuleParser parser = new RuleParser(new MatchParser(MatchTest.USERS));
    for (int i = 0; i < rules.length; i++) {
      ProcessMatch match = parser.parse(rules[i]).match();
      List<Integer> expected = new ArrayList<>();
      for (ProcessEntry process : proc.fs().scan().processes()) {
        if (match.test(process).isYes()) {
          expected.add(process.pid());
        }
      }
      assertThat(counts.get(i).matched()).as(rules[i]).isEqualTo(expected);
    }
    assertThat(counts.get(1).matched()).containsExactly(20, 22);
    assertThat(counts.get(3).matched()).containsExactly(30);
    assertThat(counts.get(6).matched()).containsExactly(40, 41);
  }
}
