package org.rollcall.core.ids;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@link NssUserDirectory}, made on the first lookup that reaches it: loading that class loads
 * JNA's {@code Structure} from its jar, which costs a run that never asks NSS about 1.7 ms (the
 * jar's directory is read to define the class).
 */
final class NssOnDemand implements UserDirectory {
  private final UserDirectory fallback;
  private UserDirectory nss;

  NssOnDemand(UserDirectory fallback) {
    this.fallback = fallback;
  }

  @Override
  public OptionalInt uid(String userName) {
    return nss().uid(userName);
  }

  @Override
  public OptionalInt gid(String groupName) {
    return nss().gid(groupName);
  }

  @Override
  public Optional<String> userName(int uid) {
    return nss().userName(uid);
  }

  @Override
  public Optional<String> groupName(int gid) {
    return nss().groupName(gid);
  }

  private synchronized UserDirectory nss() {
    if (nss == null) {
      nss = new NssUserDirectory(fallback);
    }
    return nss;
  }
}
