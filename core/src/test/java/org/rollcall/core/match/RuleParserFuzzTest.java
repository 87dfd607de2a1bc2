package org.rollcall.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.ids.FixedUserDirectory;
import org.rollcall.core.result.Range;

/**
 * Fuzzes ps.monitor's rule syntax: a rule is either refused with a {@link UsageException} (the
 * error a person sees, escaped onto one line by the renderer) or parsed into the MATCH before the
 * LAST colon and the range after it, never anything else.
 */
class RuleParserFuzzTest {
  private final RuleParser rules = new RuleParser(new MatchParser(FixedUserDirectory.SAMPLE));

  @FuzzTest(maxDuration = "10s")
  void parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    Rule rule;
    try {
      rule = rules.parse(text);
    } catch (UsageException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    int colon = text.lastIndexOf(':');
    assertThat(rule.text()).isEqualTo(text);
    assertThat(rule.matchText()).isEqualTo(text.substring(0, colon));
    assertThat(rule.range()).isEqualTo(Range.parseEtbemon(text.substring(colon + 1)));
  }
}
