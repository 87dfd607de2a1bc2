package org.rollcall.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.ids.FixedUserDirectory;

/**
 * {@link MatchParser#keywords()} is the list the manual and --help are checked against: it must
 * name every term the parser takes, and only those.
 */
class MatchKeywordsTest {
  private static final Path SOURCE =
      Path.of("src/main/java/org/rollcall/core/match/MatchParser.java");

  private final MatchParser parser = new MatchParser(FixedUserDirectory.SAMPLE);

  @Test
  void everyKeywordIsATermTheParserKnows() {
    for (String keyword : MatchParser.keywords()) {
      String term = keyword.equals(EveryProcessTerm.TEXT) ? keyword : keyword + "1";
      try {
        parser.parse(term);
      } catch (UsageException e) {
        // A bad value (state=1, kthread=1) is refused, but not as an unknown term.
        assertThat(e.getMessage()).as(term).doesNotStartWith("unknown");
      }
    }
  }

  @Test
  void aWordThatIsNoKeywordIsRefusedAsUnknown() {
    assertThatThrownBy(() -> parser.parse("colour=1"))
        .hasMessageStartingWith("unknown term 'colour='")
        .hasMessageEndingWith(String.join(", ", MatchParser.keywords()) + ")");
    assertThatThrownBy(() -> parser.parse("mem>1")).hasMessageStartingWith("unknown comparison");
  }

  @Test
  void everyKeyOfTheParsersSwitchIsListed() throws IOException {
    List<String> cases = new ArrayList<>();
    Matcher matcher = Pattern.compile("case \"([a-z]+)\" ->").matcher(Files.readString(SOURCE));
    while (matcher.find()) {
      cases.add(matcher.group(1) + "=");
    }
    assertThat(cases).isNotEmpty();
    assertThat(MatchParser.keywords()).containsAll(cases);
    assertThat(MatchParser.keywords().stream().filter(k -> k.endsWith("=")))
        .containsExactlyInAnyOrderElementsOf(cases);
  }

  @Test
  void everyQuantityIsListedWithBothComparisons() {
    for (Quantity quantity : Quantity.values()) {
      assertThat(MatchParser.keywords()).contains(quantity.key + ">", quantity.key + "<");
    }
  }
}
