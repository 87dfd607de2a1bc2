package org.rollcall.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerLocaleTest {
  @Test
  void aVariableTheCallerHadIsSetBack() {
    Map<String, String> env =
        env("LC_ALL", "C.UTF-8", CallerLocale.VARIABLE, "LC_ALL=de_DE.ISO-8859-1");
    CallerLocale.restore(env);
    assertThat(env).containsExactly(Map.entry("LC_ALL", "de_DE.ISO-8859-1"));
  }

  @Test
  void aVariableTheCallerHadEmptyIsSetBackEmpty() {
    Map<String, String> env = env("LC_CTYPE", "C.UTF-8", CallerLocale.VARIABLE, "LC_CTYPE=");
    CallerLocale.restore(env);
    assertThat(env).containsExactly(Map.entry("LC_CTYPE", ""));
  }

  @Test
  void aVariableTheCallerLackedIsRemoved() {
    Map<String, String> env =
        env("LC_CTYPE", "C.UTF-8", "LANG", "C", CallerLocale.VARIABLE, "LC_CTYPE");
    CallerLocale.restore(env);
    assertThat(env).containsExactly(Map.entry("LANG", "C"));
  }

  @Test
  void withoutTheLaunchersNoteNothingChanges() {
    Map<String, String> env = env("LC_CTYPE", "C.UTF-8");
    CallerLocale.restore(env);
    assertThat(env).containsExactly(Map.entry("LC_CTYPE", "C.UTF-8"));
  }

  @Test
  void aNoteNamingAnyOtherVariableIsDroppedAndChangesNothing() {
    Map<String, String> env = env("PATH", "/bin", CallerLocale.VARIABLE, "PATH=/tmp/evil");
    CallerLocale.restore(env);
    assertThat(env).containsExactly(Map.entry("PATH", "/bin"));
  }

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }
}
