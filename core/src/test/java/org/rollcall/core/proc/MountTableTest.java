package org.rollcall.core.proc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MountTableTest {
  private static final String HOST =
      """
      22 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw
      23 22 0:21 / /proc rw,relatime shared:12 - proc proc rw
      30 22 0:30 / /tmp rw shared:5 - tmpfs tmpfs rw
      """;

  @Test
  void locatesAPathByTheLongestMountPointThatCoversIt() {
    MountTable host = MountTable.parse(HOST);
    assertThat(host.locate("/usr/sbin/sshd")).isEqualTo("254:0:/usr/sbin/sshd");
    assertThat(host.locate("/tmp/a/daemon")).isEqualTo("0:30:/a/daemon");
    assertThat(host.locate("/tmpx/daemon")).isEqualTo("254:0:/tmpx/daemon");
    assertThat(MountTable.parse("").locate("/usr/sbin/sshd")).isNull();
  }

  @Test
  void aFileBindMountedOverThePathLeadsElsewhere() {
    // What `unshare -Urm` then `mount --bind /tmp/evil /usr/sbin/sshd` leaves in the impostor's
    // namespace.
    MountTable impostor =
        MountTable.parse(HOST + "40 22 0:30 /evil /usr/sbin/sshd rw - tmpfs tmpfs rw\n");
    assertThat(impostor.locate("/usr/sbin/sshd")).isEqualTo("0:30:/evil");
    assertThat(impostor.locate("/usr/sbin/cron")).isEqualTo("254:0:/usr/sbin/cron");
    // A later mount on the same point covers the earlier one.
    assertThat(MountTable.parse(HOST + "41 22 0:31 / /tmp rw - tmpfs tmpfs rw\n").locate("/tmp/x"))
        .isEqualTo("0:31:/x");
    // A read-only bind of /usr onto itself (systemd's ProtectSystem=) leads to the same place.
    assertThat(
            MountTable.parse(HOST + "42 22 254:0 /usr /usr ro - ext4 /dev/vda rw\n")
                .locate("/usr/sbin/sshd"))
        .isEqualTo("254:0:/usr/sbin/sshd");
  }

  @Test
  void mountPointsAreUnescaped() {
    assertThat(
            MountTable.parse("50 22 0:40 /a\\040b /mnt/my\\040disk rw - tmpfs t rw\n")
                .locate("/mnt/my disk/x"))
        .isEqualTo("0:40:/a b/x");
  }

  @Test
  void findsSystemdsCgroupHierarchyMountedWhole() {
    String hybrid =
        "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n"
            + "32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu\n"
            + "40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,xattr,name=systemd\n"
            + "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n";
    assertThat(MountTable.parse(hybrid).systemdHierarchy()).isEqualTo("/sys/fs/cgroup/systemd");
    String unified = "27 22 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n";
    assertThat(MountTable.parse(unified).systemdHierarchy()).isEqualTo("/sys/fs/cgroup");
    String container =
        "27 22 0:26 /system.slice/docker-4f1c.scope /sys/fs/cgroup ro - cgroup2 cgroup2 rw\n";
    assertThat(MountTable.parse(container).systemdHierarchy()).isNull();
  }
}
