package org.rollcall.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProcessNamesTest {
  /** The interpreters as one regular expression: the definition the prefix test must agree with. */
  private static final Pattern INTERPRETERS =
      Pattern.compile(
          "perl(5[.0-9]*)?|python([23](\\.[0-9]+)?)?|pypy3?|lua(5\\.[0-9])?|luajit|ruby[.0-9]*|php[.0-9]*"
              + "|node|nodejs|tclsh[.0-9]*|Rscript");

  @Test
  void interpretersAreTheNamesOfTheExpression() {
    String[] names = {
      "perl",
      "perl5",
      "perl5.36",
      "perl5.36.0",
      "perl6",
      "perlx",
      "python",
      "python2",
      "python3",
      "python3.11",
      "python3.",
      "python4",
      "pythonw",
      "pypy",
      "pypy3",
      "pypy2",
      "lua",
      "lua5.4",
      "lua5",
      "luajit",
      "luac",
      "ruby",
      "ruby3.1",
      "rubyx",
      "php",
      "php8.2",
      "php-fpm8.2",
      "node",
      "nodejs",
      "node2",
      "tclsh",
      "tclsh8.6",
      "Rscript",
      "R",
      "rscript",
      "sshd",
      "bash",
      "",
      "p",
      "kworker/0:1",
      "rsyslogd",
      "perl\n",
      "python3.11x",
      "python3.1.2",
      "python2.",
      "lua5.10",
      "lua5.x",
      "lua5.",
      "perl5.",
      "perl5..",
      "tclsh.",
      "php..",
      "ruby\n",
      "nodejs2",
      "luajit2",
      "Rscript3",
      "pypy33",
      "python33",
      "perl5\u0661",
      "php\u0663"
    };
    for (String name : names) {
      assertThat(ProcessNames.isInterpreter(name))
          .as(name)
          .isEqualTo(INTERPRETERS.matcher(name).matches());
    }
  }
}
