package org.rollcall.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlainShapeTest {
  private static List<String> words(PlainShape shape, String... args) {
    PlainArguments given = shape.arguments(args);
    return given == null ? null : given.words();
  }

  @Test
  void wordsAreArgumentsThatAreNeitherEmptyNorOptions() {
    // An @X left after ArgumentFiles expanded the arguments is a literal word.
    assertThat(words(PlainShape.WORDS, "sshd:1-", "a-b:0-", "rcl sp) (ace:1-1", "@x:0-"))
        .containsExactly("sshd:1-", "a-b:0-", "rcl sp) (ace:1-1", "@x:0-");
    for (String odd : new String[] {"", "-v", "--nagios=x", "--", "-5"}) {
      assertThat(words(PlainShape.WORDS, "sshd:1-", odd)).as(odd).isNull();
    }
  }

  @Test
  void nagiosMayComeOnceAnywhere() {
    assertThat(words(PlainShape.WORDS, "a:1-", "--nagios", "b:0-")).containsExactly("a:1-", "b:0-");
    assertThat(words(PlainShape.WORDS, "--nagios", "a:1-", "--nagios")).isNull();
    assertThat(words(PlainShape.NO_WORDS, "--nagios")).isEmpty();
    assertThat(words(PlainShape.NO_WORDS, "--nagios", "--nagios")).isNull();
  }

  @Test
  void eachShapeTakesItsOwnCountOfWords() {
    assertThat(words(PlainShape.WORDS)).isNull();
    assertThat(words(PlainShape.WORDS, "--nagios")).isNull();
    assertThat(words(PlainShape.NO_WORDS)).isEmpty();
    assertThat(words(PlainShape.NO_WORDS, "x")).isNull();
    assertThat(words(PlainShape.NEVER)).isNull();
    assertThat(words(PlainShape.NEVER, "x")).isNull();
    assertThat(words(PlainShape.NOTHING)).isEmpty();
    assertThat(words(PlainShape.NOTHING, "x")).isNull();
  }

  @Test
  void nothingTakesNotEvenNagios() {
    assertThat(PlainShape.NOTHING.arguments(new String[0]).nagios()).isFalse();
    assertThat(words(PlainShape.NOTHING, "--nagios")).isNull();
    assertThat(words(PlainShape.NOTHING, "")).isNull();
    assertThat(Registration.parse("org.example.Discover\nplain=nothing").plain())
        .isEqualTo(PlainShape.NOTHING);
  }

  @Test
  void registryEntriesNameTheClassThenTheShape() {
    Registration plain = Registration.parse("org.example.Ps\nplain=words\n");
    assertThat(plain.className()).isEqualTo("org.example.Ps");
    assertThat(plain.plain()).isEqualTo(PlainShape.WORDS);
    assertThat(Registration.parse("  org.example.Mail \n\n").plain()).isEqualTo(PlainShape.NEVER);
    assertThat(Registration.parse("org.example.Cpu\r\nplain=no-words").plain())
        .isEqualTo(PlainShape.NO_WORDS);
    assertThat(Registration.given("org.example.Cpu", "no-words").plain())
        .isEqualTo(PlainShape.NO_WORDS);
    assertThat(Registration.given("org.example.Mail", "-").plain()).isEqualTo(PlainShape.NEVER);
  }

  @Test
  void aRegistryEntryThatSaysAnythingElseIsRefused() {
    assertThatThrownBy(() -> Registration.parse("\n"))
        .hasMessage("its registry entry names no class");
    assertThatThrownBy(() -> Registration.parse("a.B\nplain=rules"))
        .hasMessage("plain=rules is not words, no-words, nothing or options OPTION...");
    assertThatThrownBy(() -> Registration.parse("a.B\nplain=words\nplain=words"))
        .hasMessage("unknown line " + "'plain=words' in its registry entry");
    assertThatThrownBy(() -> Registration.parse("a.B\nc.D"))
        .hasMessage("unknown line 'c.D' in its registry entry");
  }

  @Test
  void takingLeavesTheCommandUntouchedWhenTheShapeDoesNotFit() {
    LauncherTest.TestMonitor command = new LauncherTest.TestMonitor();
    assertThat(PlainShape.WORDS.take(command, new String[] {"a", "-v"})).isFalse();
    assertThat(command.items).isEmpty();
    assertThat(PlainShape.WORDS.take(command, new String[] {"a", "--nagios", "b"})).isTrue();
    assertThat(command.items).containsExactly("a", "b");
    assertThat(command.options.mode().name()).isEqualTo("NAGIOS");
  }

  private static final PlainShape OPTIONS =
      PlainShape.declared("options  -w,--warning=text -p=count\t-P=decimal -k,--no-kthreads ");

  private static PlainArguments options(String... args) {
    return OPTIONS.arguments(args);
  }

  @Test
  void anOptionsShapeIsDeclaredWithSingleSpaces() {
    assertThat(OPTIONS.declaration())
        .isEqualTo("options -w,--warning=text -p=count -P=decimal -k,--no-kthreads");
    assertThat(Registration.parse("a.B\nplain=" + OPTIONS.declaration()).plain())
        .isEqualTo(OPTIONS);
    for (String bad :
        new String[] {
          "options",
          "options -w=range",
          "options w",
          "options -w,-w",
          "options -w -w",
          "options --nagios",
          "options -w,",
          "options -a*",
          "options --"
        }) {
      assertThatThrownBy(() -> PlainShape.declared(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void anOptionsShapeTakesEachListedOptionOnceWithItsValueApart() {
    PlainArguments given = options("--nagios", "--warning", "@2:5", "-k", "-p", "012", "-P", "1.5");
    assertThat(given.nagios()).isTrue();
    assertThat(given.words()).isEmpty();
    assertThat(given.value("-w")).isEqualTo("@2:5");
    assertThat(given.value("--warning")).isEqualTo("@2:5");
    assertThat(given.value("-p")).isEqualTo("012");
    assertThat(given.value("-P")).isEqualTo("1.5");
    assertThat(given.given("--no-kthreads")).isTrue();
    assertThat(given.value("-x")).isNull();
    PlainArguments none = options();
    assertThat(none.nagios()).isFalse();
    assertThat(none.given("-k")).isFalse();
    assertThat(none.value("-w")).isNull();
  }

  @Test
  void anOptionsShapeLeavesEverythingElseToPicocli() {
    String[][] refused = {
      {"-w", "1", "--warning", "2"},
      {"-k", "-k"},
      {"-w"},
      {"-w", ""},
      {"-w", "-5"},
      {"-w", "--nagios"},
      {"-w1"},
      {"--warning=1"},
      {"-p", "1234567890"},
      {"-p", "+1"},
      {"-p", "1.0"},
      {"-P", "1."},
      {"-P", ".5"},
      {"-P", "1e3"},
      {"-P", "1.2.3"},
      {"sshd"},
      {"-k", "host"},
      {"-kw", "1"},
      {"-v"},
      {"--help"},
      {"--"},
      {"--nagios", "--nagios"},
    };
    for (String[] args : refused) {
      assertThat(options(args)).as(String.join(" ", args)).isNull();
    }
  }
}
