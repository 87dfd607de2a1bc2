package org.rollcall.core.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HiddenProcessesTest {
  private static final Map<String, String> HIDEPID_2 = Map.of("rw", "", "hidepid", "invisible");
  private static final String NOTE =
      "/proc is mounted with hidepid=invisible: other users' processes may be " + "invisible";

  private static String status(int uid, int gid, String groups, String capEff) {
    return "Name:\tjava\nUid:\t"
        + uid
        + "\t"
        + uid
        + "\t"
        + uid
        + "\t"
        + uid
        + "\nGid:\t"
        + gid
        + "\t"
        + gid
        + "\t"
        + gid
        + "\t"
        + gid
        + "\nGroups:\t"
        + groups
        + "\nCapInh:\t0000000000000000\nCapEff:\t"
        + capEff
        + "\n";
  }

  private static String note(Map<String, String> options, String status) {
    return HiddenProcesses.note(options, status, Path.of("/proc/self/status"));
  }

  @Test
  void findsHidepidInMountinfo() {
    String mountinfo =
        "22 27 0:21 / /proc rw,relatime shared:12 - proc proc rw,hidepid=invisible\n"
            + "30 22 0:5 / /proc/sys/fs/binfmt_misc rw - binfmt_misc binfmt_misc rw\n";
    assertThat(HiddenProcesses.hidepidOption(mountinfo, "/proc")).isEqualTo("invisible");
    assertThat(HiddenProcesses.hidepidOption("22 27 0:21 / /proc rw - proc proc rw\n", "/proc"))
        .isEqualTo("0");
    assertThat(
            HiddenProcesses.hidepidOption(
                "22 27 0:21 / /proc rw - proc proc rw\n"
                    + "40 22 0:21 / /proc rw - proc proc rw,hidepid=2\n",
                "/proc"))
        .isEqualTo("2");
    assertThat(HiddenProcesses.hidepidOption(mountinfo, "/mnt")).isNull();
    assertThat(
            HiddenProcesses.procMountOptions(
                "63 45 0:39 / /proc rw - proc proc rw,hidepid=invisible,gid=27\n", "/proc"))
        .containsEntry("hidepid", "invisible")
        .containsEntry("gid", "27")
        .containsEntry("rw", "");
  }

  @Test
  void anOrdinaryUserIsHiddenFromUnlessInTheExemptGroup() {
    assertThat(note(HIDEPID_2, status(65534, 65534, "", "0000000000000000"))).isEqualTo(NOTE);
    // Without gid= the kernel exempts group 0, and shows no gid= in mountinfo.
    assertThat(note(HIDEPID_2, status(65534, 65534, "0", "0000000000000000"))).isNull();
    Map<String, String> gid27 = Map.of("hidepid", "invisible", "gid", "27");
    assertThat(note(gid27, status(1000, 1000, "24 27", "0000000000000000"))).isNull();
    assertThat(note(gid27, status(1000, 1000, "0", "0000000000000000")))
        .isEqualTo(
            "/proc is mounted with hidepid=invisible,gid=27: other users' processes may be invisible");
    assertThat(note(Map.of("hidepid", "off"), status(65534, 65534, "", "0000000000000000")))
        .isNull();
    assertThat(note(Map.of("rw", ""), status(65534, 65534, "", "0000000000000000"))).isNull();
  }

  @Test
  void rootIsExemptOnlyThroughCapSysPtraceOrTheGroup() {
    assertThat(note(HIDEPID_2, status(0, 0, "0", "000001ffffffffff"))).isNull();
    assertThat(note(HIDEPID_2, status(0, 65534, "", "000001ffffffffff"))).isNull();
    // A unit with CapabilityBoundingSet= dropping CAP_SYS_PTRACE (bit 19) and running with another
    // group.
    assertThat(note(HIDEPID_2, status(0, 65534, "", "000001fffff7ffff"))).isEqualTo(NOTE);
    assertThat(note(HIDEPID_2, status(65534, 65534, "", "0000000000080000"))).isNull();
  }
}
