package dev.setwise.domain.sync;

/**
 * What device and server last agreed on for one plan or session: the server's version then, the
 * local version that held the same content, what state the server had it in, and (plans) a digest
 * of the name and structure agreed on.
 */
public record SyncShadow(long remoteVersion, long localVersion, RemoteState state, String contentHash) {

  public SyncShadow {
    if (remoteVersion < 1 || localVersion < 1) {
      throw new IllegalArgumentException("versions start at 1");
    }
  }
}
