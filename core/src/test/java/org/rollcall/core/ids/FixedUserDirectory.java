package org.rollcall.core.ids;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A user directory with fixed entries, so tests do not depend on the users of the machine they run
 * on.
 */
public final class FixedUserDirectory implements UserDirectory {
  /** root 0, sshd 105, alice 1000; groups root 0, adm 4, alice 1000. */
  public static final UserDirectory SAMPLE =
      new FixedUserDirectory(
          Map.of("root", 0, "sshd", 105, "alice", 1000),
          Map.of("root", 0, "adm", 4, "alice", 1000));

  private final Map<String, Integer> users;
  private final Map<String, Integer> groups;

  public FixedUserDirectory(Map<String, Integer> users, Map<String, Integer> groups) {
    this.users = Map.copyOf(users);
    this.groups = Map.copyOf(groups);
  }

  @Override
  public OptionalInt uid(String name) {
    return users.containsKey(name) ? OptionalInt.of(users.get(name)) : OptionalInt.empty();
  }

  @Override
  public OptionalInt gid(String name) {
    return groups.containsKey(name) ? OptionalInt.of(groups.get(name)) : OptionalInt.empty();
  }

  @Override
  public Optional<String> userName(int uid) {
    return nameOf(users, uid);
  }

  @Override
  public Optional<String> groupName(int gid) {
    return nameOf(groups, gid);
  }

  private static Optional<String> nameOf(Map<String, Integer> entries, int id) {
    return entries.entrySet().stream()
        .filter(e -> e.getValue() == id)
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
