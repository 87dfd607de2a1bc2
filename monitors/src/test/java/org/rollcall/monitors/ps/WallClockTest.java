package org.rollcall.monitors.ps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WallClockTest {
  /** 2026-12-07 14:31:59 UTC. */
  private static final long NOW = 1_796_653_919L;

  @Test
  void todayIsHoursAndMinutesAndAnyOtherDayHasItsDate() {
    WallClock utc = new WallClock(ZoneId.of("UTC"), NOW);
    assertThat(utc.at(NOW)).isEqualTo("14:31");
    assertThat(utc.at(NOW - 14 * 3600 - 31 * 60 - 59)).isEqualTo("00:00");
    assertThat(utc.at(NOW - 14 * 3600 - 32 * 60)).isEqualTo("2026-12-06 23:59");
    assertThat(utc.at(NOW - 400L * 86_400)).isEqualTo("2025-11-02 14:31");
    assertThat(utc.at(NOW + 86_400)).isEqualTo("2026-12-08 14:31");
  }

  @Test
  void theDayAndTimeAreLocal() {
    WallClock newYork = new WallClock(ZoneId.of("America/New_York"), NOW);
    assertThat(newYork.at(NOW)).isEqualTo("09:31");
    assertThat(newYork.at(NOW - 10 * 3600)).isEqualTo("2026-12-06 23:31");
    WallClock tokyo = new WallClock(ZoneId.of("Asia/Tokyo"), NOW);
    assertThat(tokyo.at(NOW)).isEqualTo("23:31");
    assertThat(tokyo.at(NOW + 3600)).isEqualTo("2026-12-08 00:31");
  }
}
