package org.rollcall.core.match;

import java.util.Optional;
import org.rollcall.core.ids.UserDirectory;
import org.rollcall.core.proc.Credentials;
import org.rollcall.core.proc.Field;

/**
 * A process's user and group IDs with their names, as the detail lines and {@code --explain} show
 * them: a class of its own for the reason {@link CommandLineText} gives.
 */
public final class CredentialsText {
  private CredentialsText() {}

  /**
   * One line with the real/effective/saved/filesystem UIDs and GIDs and the supplementary groups,
   * named.
   */
  public static String credentials(Field<Credentials> field, UserDirectory users) {
    if (!field.isPresent()) {
      return "ids: (" + field.whyAbsent() + ")";
    }
    Credentials c = field.value();
    return "uid r/e/s/fs "
        + ids(c.uids(), users, true)
        + ", gid r/e/s/fs "
        + ids(c.gids(), users, false)
        + ", groups "
        + (c.groups().length == 0 ? "none" : ids(c.groups(), users, false));
  }

  private static String ids(int[] ids, UserDirectory users, boolean userIds) {
    StringBuilder out = new StringBuilder();
    for (int id : ids) {
      out.append(out.length() == 0 ? "" : "/").append(Integer.toUnsignedString(id));
      Optional<String> name = userIds ? users.userName(id) : users.groupName(id);
      if (name.isPresent()) {
        out.append('(').append(name.get()).append(')');
      }
    }
    return out.toString();
  }
}
