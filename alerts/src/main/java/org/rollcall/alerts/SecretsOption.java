package org.rollcall.alerts;

import java.nio.file.Path;
import java.util.Map;
import org.rollcall.core.cli.UsageException;
import picocli.CommandLine.Option;

/**
 * The {@code --secrets FILE} option of the alerts that need a password or token, and the lookup
 * behind it.
 */
public final class SecretsOption {
  @Option(
      names = "--secrets",
      paramLabel = "FILE",
      description =
          "KEY=value file only its owner may read (default: /etc/rollcall/secrets if present).")
  Path file;

  /** The secret {@code key} (environment ROLLCALL_KEY, else KEY= in the file), or null. */
  public String find(String key, Map<String, String> env) {
    return new Secrets(file, env).get(key);
  }

  /** The secret {@code key}; a {@link UsageException} saying where to put it when there is none. */
  public String require(String key, String neededFor, Map<String, String> env) {
    String value = find(key, env);
    if (value == null) {
      throw new UsageException(
          neededFor
              + " needs "
              + key
              + ": set ROLLCALL_"
              + key
              + " or "
              + key
              + "= in "
              + (file == null ? Secrets.DEFAULT_FILE : file));
    }
    return value;
  }
}
