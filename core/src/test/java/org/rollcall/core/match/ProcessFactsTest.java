package org.rollcall.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.ids.FixedUserDirectory;
import org.rollcall.core.proc.FakeProc;

/**
 * The terms on a process's state, memory, threads, descriptors, age, CPU and cgroup, counted by
 * rules against a fixture tree: the cases a real machine rarely has all at once (D state, a cgroup
 * v1 layout, a saved tree without memory lines).
 */
class ProcessFactsTest {
  private static final long GIB = 1024 * 1024;

  @TempDir static Path root;
  static FakeProc proc;

  /** Built once: no test changes it. */
  @BeforeAll
  static void buildTree() {
    proc = new FakeProc(root).uptime(10_000);
    proc.process(1, "systemd").ppid(0).cgroup("0::/init.scope").openFiles(3);
    proc.process(2, "kthreadd").kernelThread().ppid(0).memory(-1, -1).cgroup("0::/");
    proc.process(100, "sshd").cgroup("0::/system.slice/ssh.service").cpu(0, 0, 100).openFiles(5);
    proc.process(101, "sshd")
        .ppid(100)
        .cgroup("0::/user.slice/user-1000.slice/session-3.scope")
        .cpu(0, 0, 990_000);
    proc.process(200, "postgres")
        .memory(3 * GIB, 4 * GIB)
        .threads(50)
        .cgroup("0::/system.slice/postgresql@15-main.service")
        // 5,000 s of CPU over a life of 9,000 s.
        .cpu(400_000, 100_000, 100_000);
    proc.process(201, "postgres")
        .ppid(200)
        .memory(512 * 1024, GIB)
        .cgroup("0::/system.slice/postgresql@15-main.service");
    proc.process(300, "flush").state('D').cgroup("0::/system.slice/docker-4f1c.scope");
    proc.process(301, "defunct").state('Z').ppid(300).memory(-1, -1).cgroup("0::/");
    proc.process(400, "saved").memory(-1, -1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Zombies count only where asked for: '*' (as check_procs' total) and state=Z.
        "*                                 | 1 2 100 101 200 201 300 301 400 |",
        "state=D                           | 300                             |",
        "state=Z                           | 301                             |",
        "state=DZ                          | 300 301                         |",
        "!state=S                          | 300                             |",
        "*,!state=S                        | 300 301                         |",
        "defunct                           |                                 |",
        // Sizes: a bare number is KiB; K M G T are 1024-based.
        "postgres,rss>2G                   | 200                             |",
        "postgres,rss>3G                   |                                 |",
        "postgres,rss<600M                 | 201                             |",
        "postgres,rss>524287               | 201 200                         |",
        "postgres,vsz>1.5g                 | 200                             |",
        "postgres,!vsz>1G                  | 201                             |",
        // Kernel threads hold no memory; a saved tree without the lines cannot tell.
        "kthreadd,rss<1                    | 2                               |",
        "saved,rss<1                       |                                 | 400",
        "threads>49                        | 200                             |",
        "*,threads<50                      | 1 2 100 101 201 300 301 400     |",
        "fds>4                             | 100                             | 2 101 200 201 300 400",
        "fds<4                             | 1                               | 2 101 200 201 300 400",
        // Uptime 10,000 s: sshd 100 started 1 s after boot, 101 at 9,900 s.
        "sshd,age<10m                      | 101                             |",
        "sshd,age>2h                       | 100                             |",
        "sshd,age>9998                     | 100                             |",
        "postgres,cpu>50                   | 200                             |",
        "postgres,cpu>55.6%                |                                 |",
        "unit=ssh.service                  | 100                             | 400",
        "sshd,!unit=ssh.service            | 101                             |",
        "unit=postgresql@*.service         | 200 201                         | 400",
        "unit=session-*.scope              | 101                             | 400",
        "cgroup=/system.slice/docker-*     | 300                             | 400",
        // A zombie in the root cgroup is still a zombie: left out.
        "cgroup=/                          | 2                               | 400",
        "saved,unit=*                      |                                 | 400",
      })
  void countsWhatEachTermAsks(String match, String matched, String undecided) {
    RuleCount count = count(match + ":0-");
    assertThat(count.matched()).containsExactlyInAnyOrderElementsOf(pids(matched));
    assertThat(count.undecided()).containsExactlyInAnyOrderElementsOf(pids(undecided));
  }

  @Test
  void namesWhatEachOffenderMeasured() {
    assertThat(count("postgres,rss>100M:0-0").measures())
        .containsEntry(200, "rss 3.0 GiB")
        .containsEntry(201, "rss 512 MiB");
    assertThat(count("postgres,cpu>1:0-0").measures())
        .containsEntry(200, "cpu 55.6% lifetime average");
    assertThat(count("sshd,age<1h:0-0").measures()).containsEntry(101, "age 1m 40s");
    assertThat(count("sshd,age>1h:0-0").measures()).containsEntry(100, "age 2h 46m");
    assertThat(count("sshd:1-").measures()).isEmpty();
  }

  @Test
  void saysWhyAProcessIsUndecided() {
    assertThat(count("saved,rss>1:0-0").undecidedReason())
        .isEqualTo("no VmRSS or VmSize line in status");
    assertThat(count("saved,unit=x.service:0-0").undecidedReason()).isEqualTo("no cgroup file");
    assertThat(count("sshd,fds>0:0-").undecidedReason()).startsWith("no fd directory");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "rss>abc   | term 'rss>abc' expects a size such as 512M or 2G (K, M, G, T are 1024-based;"
            + " a bare number is KiB)",
        "rss>5X    | term 'rss>5X' expects a size such as 512M or 2G (K, M, G, T are 1024-based;"
            + " a bare number is KiB)",
        "rss>      | term 'rss>' expects a size such as 512M or 2G (K, M, G, T are 1024-based;"
            + " a bare number is KiB)",
        "age<5x    | term 'age<5x' expects a duration such as 90s, 5m, 2h or 3d (a bare number is"
            + " seconds)",
        "fds>-1    | term 'fds>-1' expects a whole number of 0 or more",
        "threads>  | term 'threads>' expects a whole number of 0 or more",
        "cpu>lots  | term 'cpu>lots' expects a percentage such as 50 or 12.5%",
        "state=Q   | term 'state=Q' expects process state letters among R S D Z T t X I (and x K W"
            + " P), not 'Q'",
        "unit=     | term 'unit=' has no value: write unit=VALUE",
        "cgroup=   | term 'cgroup=' has no value: write cgroup=VALUE",
      })
  void refusesABadTermNamingIt(String match, String error) {
    assertThatThrownBy(() -> parse(match + ":0-0"))
        .isInstanceOf(UsageException.class)
        .hasMessage(error);
  }

  @Test
  void refusesAnUnknownComparison() {
    assertThatThrownBy(() -> parse("rsss>5:0-0"))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("unknown comparison 'rsss>' in 'rsss>5' (known: NAME,")
        .hasMessageEndingWith("; a name holding < or > is name=NAME");
    assertThat(parse("name=a>b:0-0").match().text()).isEqualTo("name=a>b");
  }

  private static Rule parse(String rule) {
    return new RuleParser(new MatchParser(FixedUserDirectory.SAMPLE)).parse(rule);
  }

  private static RuleCount count(String rule) {
    return RuleCounter.count(List.of(parse(rule)), proc.fs().scan(), Set.of()).get(0);
  }

  private static List<Integer> pids(String text) {
    List<Integer> pids = new ArrayList<>();
    if (text != null) {
      for (String pid : text.trim().split(" +")) {
        pids.add(Integer.parseInt(pid));
      }
    }
    return pids;
  }
}
