package org.rollcall.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
  @ParameterizedTest(name = "{0} ~ {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "system_u:system_r:sshd_t:s0      | system_u:system_r:sshd_t:s0          | true",
        "system_u:system_r:sshd_t:s0      | system_u:system_r:sshd_t:s0-s0:c0    | false",
        "system_u:system_r:*              | system_u:system_r:sshd_t:s0          | true",
        "*:unconfined_t:*                 | unconfined_u:unconfined_r:unconfined_t:s0 | true",
        "*:unconfined_t:*                 | system_u:system_r:init_t:s0          | false",
        "a*b*a                            | aba                                  | true",
        "a*b*a                            | ab                                   | false",
        "a*aa                             | aa                                   | false",
        "a*aa                             | aaa                                  | true",
        "*:*                              | :                                    | true",
        "x:**:y                           | x::y                                 | true",
        "x:*:y*                           | x:y                                  | false",
      })
  void wildcardsMatchAnyRun(String glob, String label, boolean expected) {
    assertThat(Glob.of(glob).matches(label)).isEqualTo(expected);
  }

  /**
   * The loop against the regular expression it replaced, on random globs and labels over a small
   * alphabet.
   */
  @Test
  void agreesWithTheRegularExpression() {
    Random random = new Random(20261201);
    for (int i = 0; i < 200_000; i++) {
      String glob = randomText(random, "ab:*\n", 7);
      if (glob.indexOf(':') < 0) {
        glob = glob + ":";
      }
      String label = randomText(random, "ab:\n", 9);
      assertThat(Glob.of(glob).matches(label))
          .as("%s ~ %s", glob, label)
          .isEqualTo(regex(glob).matcher(label).matches());
    }
  }

  private static Pattern regex(String glob) {
    String[] parts = glob.split("\\*", -1);
    StringBuilder regex = new StringBuilder(Pattern.quote(parts[0]));
    for (int i = 1; i < parts.length; i++) {
      regex.append(".*").append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static String randomText(Random random, String alphabet, int maxLength) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
