package org.rollcall.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.ids.FixedUserDirectory;
import org.rollcall.core.ids.UserDirectory;
import org.rollcall.core.proc.FakeProc;
import org.rollcall.core.proc.ProcessEntry;

/** MATCH terms against a fixture tree holding the cases a real machine rarely has all at once. */
class MatchTest {
  static final UserDirectory USERS = FixedUserDirectory.SAMPLE;

  @TempDir Path root;
  FakeProc proc;

  @BeforeEach
  void buildTree() {
    proc = new FakeProc(root);
    proc.process(1, "systemd")
        .cmdline("/sbin/init")
        .exe("/usr/lib/systemd/systemd")
        .label("system_u:system_r:init_t:s0");
    proc.process(2, "kthreadd").kernelThread().ppid(0).label("system_u:system_r:kernel_t:s0");
    proc.process(100, "sshd")
        .cmdline("sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups")
        .exe("/usr/sbin/sshd")
        .label("system_u:system_r:sshd_t:s0-s0:c0.c1023");
    proc.process(101, "sshd")
        .ppid(100)
        .ids(1000, 1000)
        .cmdline("sshd: alice@pts/0")
        .exe("/usr/sbin/sshd")
        .label("unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023");
    proc.process(200, "master")
        .cmdline("/usr/lib/postfix/sbin/master", "-w")
        .exe("/usr/lib/postfix/sbin/master")
        .label("system_u:system_r:postfix_master_t:s0");
    proc.process(201, "master")
        .ids(1000, 1000)
        .cmdline("/usr/lib/postfix/sbin/master")
        .exe("/home/alice/bin/master")
        .label("unconfined_u:unconfined_r:unconfined_t:s0");
    proc.process(300, "python3")
        .cmdline("/usr/bin/python3", "-u", "/usr/sbin/fail2ban-server", "-xf")
        .exe("/usr/bin/python3.11");
    proc.process(301, "python3").cmdline("python3").exe("/usr/bin/python3.11");
    proc.process(400, "rollcall-long-n")
        .cmdline("/opt/bin/rollcall-long-name-daemon", "--flag")
        .exe("/opt/bin/rollcall-long-name-daemon");
    proc.process(401, "rollcall-long-n")
        .cmdline("rollcall-long-nothing")
        .exe("/opt/bin/rollcall-long-nothing");
    proc.process(500, "sshd").ids(0, 0).state('Z').label("system_u:system_r:sshd_t:s0");
  }

  private ProcessEntry process(int pid) {
    return proc.fs().process(pid).orElseThrow();
  }

  private Verdict test(String match, int pid) {
    return new MatchParser(USERS).parse(match).test(process(pid));
  }

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "sshd                         | 100 | YES",
        "sshd                         | 200 | NO",
        "kthreadd                     | 2   | YES",
        "/usr/sbin/sshd               | 101 | YES",
        "/usr/lib/postfix/sbin/master | 200 | YES",
        "/usr/lib/postfix/sbin/master | 201 | NO",
        "/usr/lib/postfix/sbin/master | 2   | NO",
        "master,user=root             | 200 | YES",
        "master,user=alice            | 200 | NO",
        "master,user=1000             | 201 | YES",
        "sshd,!user=root              | 101 | YES",
        "sshd,!user=root              | 100 | NO",
        "group=adm                    | 100 | NO",
        "group=0                      | 100 | YES",
        "fail2ban-server              | 300 | YES",
        "python3                      | 300 | NO",
        "python3                      | 301 | YES",
        "rollcall-long-name-daemon    | 400 | YES",
        "rollcall-long-name-daemon    | 401 | NO",
        "rollcall-long-n              | 400 | YES",
        "context=init_t               | 1   | YES",
        "context=init_t               | 100 | NO",
        "context=system_u:system_r:*  | 100 | YES",
        "context=*:unconfined_t:*     | 101 | YES",
        "context=*:unconfined_t:*     | 100 | NO",
        "context=sshd_t               | 100 | YES",
        "args=\\[listener\\]          | 100 | YES",
        "args=^sshd: alice            | 101 | YES",
        "args=-xf$                    | 300 | YES",
        "ppid=100                     | 101 | YES",
        "sshd,ppid=100                | 100 | NO",
        "name=sshd                    | 101 | YES",
      })
  void termsDecideProcesses(String match, int pid, Verdict.Truth expected) {
    assertThat(test(match.trim(), pid).truth()).isEqualTo(expected);
  }

  @Test
  void unreadableFieldsLeaveTheProcessUndecidedWithTheReason() {
    Verdict label = test("context=init_t", 300);
    assertThat(label.isUnknown()).isTrue();
    assertThat(label.reason())
        .isEqualTo("no attr/current: the kernel has no security module labels");
    assertThat(test("!context=init_t", 300).isUnknown()).isTrue();
    // A term that fails outright decides the process even when another is undecided.
    assertThat(test("sshd,context=init_t", 300).isNo()).isTrue();
  }

  @Test
  void anArgv0ThatClaimsAPathDoesNotSatisfyAPathTerm() {
    proc.process(600, "sleep").cmdline("/usr/lib/postfix/sbin/master", "-w").exe("/usr/bin/sleep");
    assertThat(test("/usr/lib/postfix/sbin/master", 600).isNo()).isTrue();
    assertThat(test("args=postfix", 600).isYes()).isTrue();
  }

  @Test
  void commasInValuesAreEscaped() {
    proc.process(700, "qemu")
        .cmdline("qemu", "-smp", "2,sockets=1")
        .label("system_u:system_r:svirt_t:s0:c1,c2");
    assertThat(test("qemu,args=2\\,sockets", 700).isYes()).isTrue();
    assertThat(test("context=system_u:system_r:svirt_t:s0:c1\\,c2", 700).isYes()).isTrue();
    assertThat(MatchParser.split("a\\,b,c,d\\d")).containsExactly("a,b", "c", "d\\d");
  }

  @Test
  void aMatchReadsTheStatFirstOnlyWhenEveryCheapestTermNeedsIt() {
    MatchParser parser = new MatchParser(USERS);
    assertThat(parser.parse("ppid=1").readsStatFirst()).isTrue();
    assertThat(parser.parse("!ppid=1").readsStatFirst()).isTrue();
    // Of two terms that cost the same, the name goes first: a scan of names then serves the rule.
    assertThat(parser.parse("ppid=1,sshd").readsStatFirst()).isFalse();
    assertThat(parser.parse("state=Z").readsStatFirst()).isTrue();
    assertThat(parser.parse("*").readsStatFirst()).isFalse();
    assertThat(parser.parse("threads>5,age<1h").readsStatFirst()).isTrue();
    assertThat(parser.parse("threads>5,sshd").readsStatFirst()).isFalse();
    assertThat(parser.parse("rss>5").readsStatFirst()).isFalse();
    assertThat(parser.parse("sshd,ppid=1").readsStatFirst()).isFalse();
    assertThat(parser.parse("sshd").readsStatFirst()).isFalse();
    assertThat(parser.parse("/usr/sbin/cron").readsStatFirst()).isFalse();
    assertThat(parser.parse("!sshd").readsStatFirst()).isFalse();
    assertThat(parser.parse("user=root").readsStatFirst()).isFalse();
  }

  @Test
  void aMatchReadsTheCredentialsFirstWhenItsCheapestTermNeedsThem() {
    MatchParser parser = new MatchParser(USERS);
    assertThat(parser.parse("user=root").readsCredentialsFirst()).isTrue();
    assertThat(parser.parse("!user=root").readsCredentialsFirst()).isTrue();
    assertThat(parser.parse("*,group=0").readsCredentialsFirst()).isTrue();
    assertThat(parser.parse("user=root,sshd").readsCredentialsFirst()).isFalse();
    assertThat(parser.parse("sshd,user=root").readsCredentialsFirst()).isFalse();
    assertThat(parser.parse("state=Z").readsCredentialsFirst()).isFalse();
    assertThat(parser.parse("*").readsCredentialsFirst()).isFalse();
  }

  @Test
  void onlyEveryProcessAloneReadsNothing() {
    MatchParser parser = new MatchParser(USERS);
    assertThat(parser.parse("*").readsNothing()).isTrue();
    assertThat(parser.parse("*,kthread=no").readsNothing()).isFalse();
    assertThat(parser.parse("*,kthread=no").readsStatFirst()).isTrue();
    assertThat(parser.parse("*,!name=sshd").readsNothing()).isFalse();
    assertThat(parser.parse("*,!name=sshd").readsStatFirst()).isFalse();
    assertThat(parser.parse("sshd").readsNothing()).isFalse();
    assertThat(parser.parse("state=Z").readsNothing()).isFalse();
    assertThat(parser.parse("name=*").readsNothing()).isFalse();
  }

  @Test
  void badTermsAreUsageErrors() {
    MatchParser parser = new MatchParser(USERS);
    assertThatThrownBy(() -> parser.parse("sshd,"))
        .isInstanceOf(UsageException.class)
        .hasMessage("empty term in 'sshd,'");
    assertThatThrownBy(() -> parser.parse("user=nobody-here"))
        .hasMessage("unknown user 'nobody-here'");
    assertThatThrownBy(() -> parser.parse("group=nogroup-here"))
        .hasMessage("unknown group 'nogroup-here'");
    assertThatThrownBy(() -> parser.parse("args=("))
        .hasMessageStartingWith("bad regular expression in 'args=('");
    assertThatThrownBy(() -> parser.parse("ppid=x")).hasMessage("'ppid=x' needs a number");
    assertThatThrownBy(() -> parser.parse("uid=0"))
        .hasMessageStartingWith("unknown term 'uid=' in 'uid=0'");
    assertThatThrownBy(() -> parser.parse("user="))
        .hasMessage("term 'user=' has no value: write user=VALUE");
  }

  @Test
  void rulesTakeTheRangeAfterTheLastColon() {
    RuleParser rules = new RuleParser(new MatchParser(USERS));
    Rule rule = rules.parse("context=system_u:system_r:init_t:s0:1-1");
    assertThat(rule.matchText()).isEqualTo("context=system_u:system_r:init_t:s0");
    assertThat(rule.range().describe()).isEqualTo("exactly 1");
    assertThat(rule.match().test(process(1)).isYes()).isTrue();
    assertThatThrownBy(() -> rules.parse("localhost"))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "'localhost' is not a rule MATCH:MIN-MAX; if mon appended host names, end the monitor line "
                + "with ';;'");
    assertThatThrownBy(() -> rules.parse("sshd:many"))
        .hasMessageStartingWith("'sshd:many' is not a rule");
    assertThatThrownBy(() -> rules.parse(":1-")).hasMessageStartingWith("':1-' is not a rule");
  }

  // Found by RuleParserFuzzTest: ten digits above 2^32 escaped as a NumberFormatException.
  @Test
  void anIdAbove32BitsIsAUsageError() {
    MatchParser parser = new MatchParser(USERS);
    assertThatThrownBy(() -> parser.parse("group=9666666666"))
        .isInstanceOf(UsageException.class)
        .hasMessage("group ID '9666666666' is larger than 4294967295");
    assertThatThrownBy(() -> parser.parse("user=4294967296"))
        .isInstanceOf(UsageException.class)
        .hasMessage("user ID '4294967296' is larger than 4294967295");
    assertThat(test("user=4294967295", 1).isNo()).isTrue();
  }
}
