package org.rollcall.core.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CapabilitiesTest {
  private static final Path FILE = Path.of("/proc/7/status");

  private static Capabilities parse(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return StatusParser.capabilities(bytes, bytes.length, FILE);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0000000000000000 | ''",
        "0000000000002400 | cap_net_bind_service,cap_net_raw",
        "0000000000000001 | cap_chown",
        "0000010000000000 | cap_checkpoint_restore",
        "000001fffeffffff | cap_chown,cap_dac_override,cap_dac_read_search,cap_fowner,cap_fsetid,"
            + "cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_linux_immutable,cap_net_bind_service,"
            + "cap_net_broadcast,cap_net_admin,cap_net_raw,cap_ipc_lock,cap_ipc_owner,cap_sys_module,"
            + "cap_sys_rawio,cap_sys_chroot,cap_sys_ptrace,cap_sys_pacct,cap_sys_admin,cap_sys_boot,"
            + "cap_sys_nice,cap_sys_time,cap_sys_tty_config,cap_mknod,cap_lease,cap_audit_write,"
            + "cap_audit_control,cap_setfcap,cap_mac_override,cap_mac_admin,cap_syslog,"
            + "cap_wake_alarm,cap_block_suspend,cap_audit_read,cap_perfmon,cap_bpf,"
            + "cap_checkpoint_restore",
        "0000030000002000 | cap_net_raw,cap_checkpoint_restore,41",
        "8000000000000000 | 63",
      })
  void namesTheBitsAsLibcapDoesAndUnknownOnesByNumber(String hex, String names) {
    Capabilities caps = parse("Name:\tx\nCapEff:\t" + hex + "\nCapAmb:\t0000000000000000\n");
    assertThat(Capabilities.names(caps.effective())).isEqualTo(names);
    assertThat(caps.ambient()).isZero();
  }

  @Test
  void readsTheAmbientSetAndTakesItsAbsenceForNone() {
    assertThat(parse("CapEff:\t0000000000002000\nCapAmb:\t0000000000002000\n").ambient())
        .isEqualTo(0x2000);
    assertThat(parse("CapEff:\t0000000000002000\n").ambient()).isZero();
  }

  @Test
  void aMissingCapEffLineIsNoValueAndAMalformedOneAnError() {
    assertThat(parse("Name:\tx\nCapPrm:\t0000000000000000\n")).isNull();
    assertThatThrownBy(() -> parse("CapEff:\t00000000000020zz\n"))
        .isInstanceOf(MalformedProcFileException.class)
        .hasMessage(
            "malformed /proc/7/status: CapEff: holds '\t00000000000020zz', "
                + "not a hexadecimal capability mask");
    assertThatThrownBy(() -> parse("CapEff:\t00000000000000000\n"))
        .hasMessageContaining("not a hexadecimal capability mask");
    assertThatThrownBy(() -> parse("CapEff:\t\nCapAmb:\t0\n"))
        .hasMessageContaining("CapEff: holds '\t'");
  }

  @ParameterizedTest
  @CsvSource({
    "cap_net_raw, 13",
    "CAP_NET_RAW, 13",
    "net_raw, 13",
    "cap_checkpoint_restore, 40",
    "41, 41",
    "63, 63",
    "64, -1",
    "cap_no_such, -1",
    "'', -1",
    "+1, -1"
  })
  void takesACapabilityByAnyOfItsNames(String name, int bit) {
    assertThat(Capabilities.bit(name)).isEqualTo(bit);
  }
}
