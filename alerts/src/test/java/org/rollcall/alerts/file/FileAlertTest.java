package org.rollcall.alerts.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rollcall.alerts.ChildAlert;
import org.rollcall.alerts.InJvmAlert;
import org.rollcall.alerts.ReliableSender;

class FileAlertTest {
  private static final Path MON_FILE_ALERT = Path.of("/usr/lib/mon/alert.d/file.alert");

  @TempDir Path dir;

  static Stream<Arguments> monCases() {
    Map<String, String> failure =
        Map.of(
            "MON_ALERTTYPE",
            "failure",
            "MON_OPSTATUS",
            "0",
            "MON_DESCRIPTION",
            "daemons that must run");
    byte[] hostile =
        "sshd:0 \u00e9\u001b[31m\r\nBcc: x@y\n\u00ff detail\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    return Stream.of(
        Arguments.of(
            "details",
            "sshd:0 cron:0\nsshd:1- has 0 matching processes\ncron:1-5 has 0\n",
            failure,
            List.of(
                "-s", "ps", "-g", "local", "-h", "localhost", "-t", "1700000000", "alerts.log")),
        Arguments.of(
            "upalert",
            "sshd:0\nold detail",
            Map.of("MON_ALERTTYPE", "up", "MON_OPSTATUS", "1"),
            List.of(
                "-u", "-s", "ps", "-g", "local", "-h", "a b", "-t", "1700003600", "alerts.log")),
        Arguments.of(
            "no environment, -S",
            "ignored\nkept\n",
            Map.of(),
            List.of(
                "-S",
                "given summary",
                "-s",
                "ps",
                "-g",
                "g",
                "-t",
                "1699999999",
                "alerts.log",
                "extra")),
        Arguments.of(
            "empty stdin",
            "",
            failure,
            List.of("-s", "ps", "-g", "local", "-t", "1700000000", "x.log")),
        Arguments.of(
            "bytes",
            new String(hostile, StandardCharsets.ISO_8859_1),
            failure,
            List.of("-s", "ps", "-g", "local", "-t", "1700000000", "alerts.log")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("monCases")
  void writesWhatMonsFileAlertWrites(
      String name, String stdin, Map<String, String> env, List<String> args) throws Exception {
    assumeTrue(Files.isExecutable(MON_FILE_ALERT), "needs mon's file.alert: apt-get install mon");
    byte[] input = stdin.getBytes(StandardCharsets.ISO_8859_1);
    Path theirs = Files.createDirectory(dir.resolve("theirs"));
    Path ours = Files.createDirectory(dir.resolve("ours"));
    List<String> perl =
        new ArrayList<>(List.of(MON_FILE_ALERT.toString(), "-d", theirs.toString()));
    perl.addAll(args);
    Map<String, String> perlEnv = new HashMap<>(env);
    perlEnv.put("TZ", ZoneId.systemDefault().getId());
    assertThat(ChildAlert.run(perl, input, perlEnv).exit()).isZero();

    List<String> ourArgs = new ArrayList<>(List.of("-d", ours.toString()));
    ourArgs.addAll(args);
    InJvmAlert.Result result =
        InJvmAlert.run(new FileAlert(), input, env, ourArgs.toArray(String[]::new));

    assertThat(result.exit()).as(result.stdout()).isZero();
    assertThat(result.stdout()).startsWith("file.alert: sent ").contains("to " + ours);
    String file = args.contains("x.log") ? "x.log" : "alerts.log";
    assertThat(Files.readAllBytes(ours.resolve(file)))
        .isEqualTo(Files.readAllBytes(theirs.resolve(file)));
  }

  @Test
  void concurrentAlertsNeverInterleave() throws Exception {
    int writers = 6;
    int detailLines = 20_000;
    List<Process> processes = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      StringBuilder stdin = new StringBuilder("writer" + w + ":0\n");
      for (int i = 0; i < detailLines; i++) {
        stdin.append("writer ").append(w).append(" detail line ").append(i).append('\n');
      }
      processes.add(
          ChildAlert.start(
              ChildAlert.command(
                  "file.alert",
                  "-d",
                  dir.toString(),
                  "-s",
                  "s" + w,
                  "-g",
                  "g",
                  "-t",
                  "1700000000",
                  "shared.log"),
              stdin.toString().getBytes(StandardCharsets.UTF_8),
              Map.of()));
    }
    for (Process process : processes) {
      ChildAlert.Result result = ChildAlert.finish(process);
      assertThat(result.exit()).as(result.stdout()).isZero();
    }

    List<String> lines = Files.readAllLines(dir.resolve("shared.log"));
    assertThat(lines).hasSize(writers * (detailLines + 4));
    int at = 0;
    for (int record = 0; record < writers; record++) {
      String head = lines.get(at);
      String writer = head.replaceFirst("^UNKNOWN ALERT g s(\\d+) .*", "$1");
      assertThat(head).endsWith(" writer" + writer + ":0");
      for (int i = 0; i < detailLines; i++) {
        assertThat(lines.get(at + 3 + i)).isEqualTo("writer " + writer + " detail line " + i);
      }
      assertThat(lines.get(at + 3 + detailLines)).isEqualTo(".");
      at += detailLines + 4;
    }
  }

  @Test
  void aFileThatCannotBeWrittenEndsInTheFallback() throws IOException {
    Path fallback = dir.resolve("fallback.log");
    InJvmAlert.Result result =
        InJvmAlert.run(
            new FileAlert(),
            "sshd:0\ndetail\n",
            Map.of("MON_ALERTTYPE", "failure"),
            "-d",
            dir.resolve("missing").toString(),
            "-s",
            "ps",
            "-g",
            "local",
            "-t",
            "1700000000",
            "--fallback",
            fallback.toString(),
            "alerts.log");

    assertThat(result.exit()).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(result.stdout())
        .startsWith("file.alert: NOT delivered ALERT local/ps: sshd:0: cannot append to ")
        .contains("no such directory (1 attempt); saved in " + fallback);
    String saved = Files.readString(fallback);
    assertThat(saved)
        .startsWith("UNDELIVERED file.alert ")
        .contains(": cannot append to " + dir.resolve("missing"))
        .contains("\nfailure local ps 1700000000 (")
        .endsWith(") sshd:0\nDESCR=\nOPSTATUS=UNKNOWN OPSTATUS\ndetail\n.\n");
  }

  @Test
  void aFallbackLinkPlantedByAnotherUserIsNotFollowed() throws Exception {
    Path shared = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(
        dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    new ProcessBuilder("chmod", "1777", shared.toString()).start().waitFor();
    Path secret = Files.writeString(dir.resolve("root-only"), "root's own\n");
    Path link = shared.resolve("fallback.log");
    Process plant =
        new ProcessBuilder(
                "setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                "ln",
                "-s",
                secret.toString(),
                link.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(plant.waitFor()).as(new String(plant.getInputStream().readAllBytes())).isZero();

    InJvmAlert.Result result =
        InJvmAlert.run(
            new FileAlert(),
            "sshd:0\n",
            Map.of(),
            "-d",
            dir.resolve("missing").toString(),
            "--fallback",
            link.toString(),
            "-s",
            "ps",
            "-g",
            "local",
            "alerts.log");

    assertThat(Files.readString(secret)).isEqualTo("root's own\n");
    assertThat(result.exit()).as(result.stdout()).isEqualTo(ReliableSender.LOST);
    assertThat(result.stdout()).contains("and could not save it in " + link);
  }

  @Test
  void anUnwritableFallbackIsSaidOnStdoutWithExit2() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("plain"), "a file, not a directory");
    InJvmAlert.Result result =
        InJvmAlert.run(
            new FileAlert(),
            "sshd:0\n",
            Map.of(),
            "-d",
            dir.resolve("missing").toString(),
            "--fallback",
            notADirectory.resolve("fallback.log").toString(),
            "-s",
            "ps",
            "-g",
            "local",
            "alerts.log");

    assertThat(result.exit()).isEqualTo(ReliableSender.LOST);
    assertThat(result.stdout())
        .contains("NOT delivered ALERT local/ps: sshd:0")
        .contains("and could not save it in")
        .endsWith(": " + notADirectory + ": exists and is not a directory\n");
  }

  /**
   * In a sticky shared directory another user creates the log first, to read every alert written to
   * it.
   */
  @Test
  void aLogAnotherUserCreatedIsNotWrittenAndTheAlertFallsBack() throws Exception {
    Path shared = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(
        dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    new ProcessBuilder("chmod", "1777", shared.toString()).start().waitFor();
    Path planted = shared.resolve("alerts.log");
    Process plant =
        new ProcessBuilder(
                "setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                "sh",
                "-c",
                ": > \"$1\"",
                "sh",
                planted.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(plant.waitFor()).as(new String(plant.getInputStream().readAllBytes())).isZero();
    Path fallback = dir.resolve("fallback.log");

    InJvmAlert.Result result =
        InJvmAlert.run(
            new FileAlert(),
            "sshd:0\n",
            Map.of(),
            "-d",
            shared.toString(),
            "--fallback",
            fallback.toString(),
            "-s",
            "ps",
            "-g",
            "local",
            "alerts.log");

    assertThat(result.exit()).as(result.stdout()).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(result.stdout())
        .contains(
            "refusing to append to "
                + planted
                + ": it is owned by uid 65534, not by "
                + "this user (uid 0) or root (1 attempt); saved in "
                + fallback);
    assertThat(Files.size(planted)).isZero();
    assertThat(Files.readString(fallback)).contains("sshd:0");
  }

  @Test
  void aFallbackAnotherUserCreatedIsNotWrittenEither() throws Exception {
    Path shared = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(
        dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    new ProcessBuilder("chmod", "1777", shared.toString()).start().waitFor();
    Path planted = shared.resolve("fallback.log");
    Process plant =
        new ProcessBuilder(
                "setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                "sh",
                "-c",
                ": > \"$1\"",
                "sh",
                planted.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(plant.waitFor()).as(new String(plant.getInputStream().readAllBytes())).isZero();

    InJvmAlert.Result result =
        InJvmAlert.run(
            new FileAlert(),
            "sshd:0\n",
            Map.of(),
            "-d",
            dir.resolve("missing").toString(),
            "--fallback",
            planted.toString(),
            "-s",
            "ps",
            "-g",
            "local",
            "alerts.log");

    assertThat(result.exit()).as(result.stdout()).isEqualTo(ReliableSender.LOST);
    assertThat(result.stdout())
        .endsWith(
            "and could not save it in "
                + planted
                + ": it is owned by uid 65534, not "
                + "by this user (uid 0) or root\n");
    assertThat(Files.size(planted)).isZero();
  }
}
