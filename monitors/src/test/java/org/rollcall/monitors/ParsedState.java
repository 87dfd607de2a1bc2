package org.rollcall.monitors;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What parsing left in a command: the value of every {@code @Option} and {@code @Parameters} field,
 * mixins included, by name. Two commands parsed from the same arguments must have equal states,
 * whichever path parsed them.
 */
public final class ParsedState {
  private ParsedState() {}

  public static Map<String, Object> of(Object command) {
    Map<String, Object> state = new LinkedHashMap<>();
    collect(command, "", state);
    return state;
  }

  private static void collect(Object target, String prefix, Map<String, Object> state) {
    for (Field field : target.getClass().getDeclaredFields()) {
      boolean option =
          field.isAnnotationPresent(Option.class) || field.isAnnotationPresent(Parameters.class);
      boolean mixin = field.isAnnotationPresent(Mixin.class);
      if (!option && !mixin) {
        continue;
      }
      field.setAccessible(true);
      Object value;
      try {
        value = field.get(target);
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
      if (mixin) {
        collect(value, prefix + field.getName() + ".", state);
      } else {
        // An array (a repeatable flag such as -vvv) compares by its elements.
        state.put(
            prefix + field.getName(), value instanceof boolean[] b ? Arrays.toString(b) : value);
      }
    }
  }
}
