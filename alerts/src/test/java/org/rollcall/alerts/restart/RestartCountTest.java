package org.rollcall.alerts.restart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Counting a ledger's text: only whole, well-formed, dated lines; anything else is no count at all.
 */
class RestartCountTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
  private static final Duration HOUR = Duration.ofHours(1);

  private static RestartCount count(String text, boolean cut) {
    return RestartCount.of(text, cut, NOW, HOUR);
  }

  @Test
  void countsTheRestartsWithinTheWindowOnly() {
    RestartCount count =
        count(
            "1799990000 restart old\n1799999000 restart ALERT a\n1799999001 result ok\n"
                + "1799999500 limit ALERT b\n1799999600 restart ALERT c\n",
            false);
    assertThat(count.problem()).isNull();
    assertThat(count.restarts()).isEqualTo(2);
    assertThat(count.oldest()).isEqualTo(Instant.ofEpochSecond(1_799_999_000L));
  }

  @Test
  void anEmptyLedgerHasNoRestarts() {
    assertThat(count("", false)).isEqualTo(new RestartCount(0, null, null));
  }

  @Test
  void aLineThatIsNotALedgerLineMakesTheWholeLedgerUntrusted() {
    for (String text :
        new String[] {
          "garbage\n",
          "1799999000 restarted\n",
          "99999999999999999999 restart x\n",
          "1799999000 restart x\n\n",
          " 1799999000 restart x\n",
          "1799999000 restart x\u0000\n"
        }) {
      RestartCount count = count(text, false);
      assertThat(count.problem())
          .as(text)
          .startsWith("it is not a restart ledger (a line is not a ledger line: ")
          .endsWith("); no restart until a person repairs or removes it");
      assertThat(count.restarts()).isZero();
    }
  }

  @Test
  void aLastLineCutShortIsNotALedger() {
    assertThat(count("1799999000 restart x\n1799999", false).problem())
        .startsWith("it is not a restart ledger (it does not end with a whole line)");
  }

  @Test
  void aLineDatedAheadOfTheClockIsNotCountedAsARestartFromTheFuture() {
    assertThat(count("1800000600 restart x\n", false).problem())
        .contains("a line is dated 2027-01-15T08:10:00Z, after the clock's 2027-01-15T08:00:00Z");
    assertThat(count("1800000030 restart x\n", false).problem())
        .as("within a minute of slack")
        .isNull();
  }

  @Test
  void theTailOfALargeLedgerSkipsItsPartialFirstLine() {
    RestartCount count = count("art y\n1799999000 restart x\n", true);
    assertThat(count.problem()).isNull();
    assertThat(count.restarts()).isEqualTo(1);
    assertThat(count("x".repeat(100) + "\n", true).problem())
        .contains("its last " + RestartLedger.TAIL_BYTES + " bytes hold no whole line");
  }
}
