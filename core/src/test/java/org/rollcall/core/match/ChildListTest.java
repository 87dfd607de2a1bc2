package org.rollcall.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.proc.ProcFs;
import org.rollcall.core.proc.Scan;

class ChildListTest {
  @TempDir Path dir;

  @Test
  void aChildOfThisJvmIsOursAndAnOrphanIsNot() throws Exception {
    Process child = new ProcessBuilder("sleep", "30").start();
    Process shell =
        new ProcessBuilder("sh", "-c", "sleep 30 </dev/null >/dev/null 2>&1 & echo $!").start();
    int orphan =
        Integer.parseInt(
            new String(shell.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip());
    shell.waitFor();
    try {
      ProcFs fs = ProcFs.system();
      int self = (int) ProcessHandle.current().pid();
      assertThat(ChildList.of(fs, self)).contains((int) child.pid()).doesNotContain(orphan);

      Scan scan = fs.scanNames();
      OwnProcesses own = OwnProcesses.of(scan, fs);
      assertThat(own.includes(scan.process((int) child.pid()).orElseThrow())).isTrue();
      assertThat(own.includes(scan.process(orphan).orElseThrow())).isFalse();
    } finally {
      child.destroyForcibly();
      ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void aKernelWithoutTheListGivesNone() throws Exception {
    Files.createDirectories(dir.resolve("7/task/7"));
    assertThat(ChildList.of(ProcFs.at(dir), 7)).isNull();
    Files.writeString(dir.resolve("7/task/7/children"), "812 813 ");
    Files.createDirectories(dir.resolve("7/task/9"));
    Files.writeString(dir.resolve("7/task/9/children"), "9000");
    assertThat(ChildList.of(ProcFs.at(dir), 7)).containsExactlyInAnyOrder(812, 813, 9000);
    assertThat(ChildList.of(ProcFs.at(dir), 8)).isNull();
  }
}
