package org.rollcall.core.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ControlGroupTest {
  /** Layouts captured from real machines: a Debian 12 server on cgroup v2, this CI's hybrid. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "0::/system.slice/ssh.service | /system.slice/ssh.service | ssh.service",
        "0::/init.scope | /init.scope | init.scope",
        "0::/ | / | -",
        "0::/user.slice/user-1000.slice/session-3.scope"
            + " | /user.slice/user-1000.slice/session-3.scope | session-3.scope",
        "0::/user.slice/user-1000.slice/user@1000.service/app.slice/dbus.service"
            + " | /user.slice/user-1000.slice/user@1000.service/app.slice/dbus.service"
            + " | user@1000.service",
        "0::/system.slice/docker-4f1c.scope | /system.slice/docker-4f1c.scope | docker-4f1c.scope",
        "0::/machine.slice/libpod-9a2b.scope/container"
            + " | /machine.slice/libpod-9a2b.scope/container | libpod-9a2b.scope",
        "0::/docker/4f1c | /docker/4f1c | -",
        "0::/system.slice | /system.slice | -",
        "0::/system.slice/ssh.service (deleted) | /system.slice/ssh.service (deleted) | -",
      })
  void findsTheUnitOnCgroupV2(String line, String path, String unit) {
    ControlGroup group = ControlGroup.parse(line + "\n", "cgroup");
    assertThat(group.path()).isEqualTo(path);
    assertThat(group.unit()).isEqualTo(unit);
  }

  @Test
  void prefersSystemdsOwnHierarchyOnV1() {
    String hybrid =
        "12:pids:/system.slice/cron.service\n"
            + "4:memory:/system.slice/cron.service\n"
            + "1:name=systemd:/system.slice/cron.service\n"
            + "0::/system.slice/cron.service\n";
    assertThat(ControlGroup.parse(hybrid, "cgroup").unit()).isEqualTo("cron.service");
    String v1 = "3:cpu,cpuacct:/\n1:name=systemd:/system.slice/rsyslog.service\n";
    assertThat(ControlGroup.parse(v1, "cgroup").unit()).isEqualTo("rsyslog.service");
  }

  @Test
  void readsThisMachinesOwnFile() throws Exception {
    String own = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/cgroup"));
    assertThat(ControlGroup.parse(own, "/proc/self/cgroup").path()).startsWith("/");
  }

  @Test
  void refusesALineFeedSmuggledInACgroupName() {
    String forged =
        "0::/user.slice/user-1000.slice/user@1000.service/x\n0::/system.slice/ssh.service\n";
    assertThatThrownBy(() -> ControlGroup.parse(forged, "/proc/7/cgroup"))
        .isInstanceOf(MalformedProcFileException.class)
        .hasMessage("malformed /proc/7/cgroup: two 0:: lines: a cgroup name holds a line feed");
  }

  @Test
  void refusesWhatIsNotACgroupFile() {
    assertThatThrownBy(() -> ControlGroup.parse("garbage\n", "f"))
        .hasMessage("malformed f: line 'garbage' is not ID:CONTROLLERS:PATH");
    assertThatThrownBy(() -> ControlGroup.parse("3:cpu:/\n", "f"))
        .hasMessage("malformed f: neither a cgroup v2 line (0::PATH) nor a name=systemd line");
    assertThatThrownBy(() -> ControlGroup.parse("0::relative\n", "f"))
        .hasMessage("malformed f: the path 'relative' is not absolute");
  }

  /**
   * The byte parser against a plain reading of the text (split into lines, each cut at its first
   * two colons), on random files over a small alphabet: the same cgroup, or both refuse.
   */
  @Test
  void agreesWithAPlainReading() {
    java.util.Random random = new java.util.Random(20261207);
    String[] pieces = {
      "0", "1", ":", "::", "/", "a.service", "b.slice/", "name=systemd", "\n", "x"
    };
    for (int i = 0; i < 30_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(9); n > 0; n--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String reference;
      try {
        reference = reference(text.toString()).toString();
      } catch (MalformedProcFileException e) {
        reference = e.getMessage();
      }
      String parsed;
      try {
        parsed = ControlGroup.parse(text.toString(), "f").toString();
      } catch (MalformedProcFileException e) {
        parsed = e.getMessage();
      }
      assertThat(parsed).as("%s", text).isEqualTo(reference);
    }
  }

  private static ControlGroup reference(String content) {
    String unified = null;
    String systemd = null;
    for (String line : content.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] fields = line.split(":", 3);
      if (fields.length < 3) {
        throw new MalformedProcFileException("f", "line '" + line + "' is not ID:CONTROLLERS:PATH");
      }
      if (fields[1].equals("name=systemd")) {
        if (systemd != null) {
          throw new MalformedProcFileException(
              "f", "two name=systemd lines: a cgroup name holds a line feed");
        }
        systemd = fields[2];
      } else if (fields[0].equals("0") && fields[1].isEmpty()) {
        if (unified != null) {
          throw new MalformedProcFileException(
              "f", "two 0:: lines: a cgroup name holds a line feed");
        }
        unified = fields[2];
      }
    }
    String path = systemd != null ? systemd : unified;
    if (path == null) {
      throw new MalformedProcFileException(
          "f", "neither a cgroup v2 line (0::PATH) nor a name=systemd line");
    }
    if (!path.startsWith("/")) {
      throw new MalformedProcFileException("f", "the path '" + path + "' is not absolute");
    }
    return new ControlGroup(path, ControlGroup.unitOf(path));
  }
}
