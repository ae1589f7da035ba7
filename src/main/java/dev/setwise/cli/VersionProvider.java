package dev.setwise.cli;

import dev.setwise.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code setwise --version}. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"setwise " + Version.current()};
  }
}
