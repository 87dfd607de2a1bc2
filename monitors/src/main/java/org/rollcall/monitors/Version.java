package org.rollcall.monitors;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (Implementation-Version), shown by --version. */
public final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Version.class.getPackage().getImplementationVersion();
    return new String[] {"rollcall " + (version == null ? "(development build)" : version)};
  }
}
