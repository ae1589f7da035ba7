package dev.setwise.domain.sync;

/**
 * An update sent to the server whose answer has not been recorded: the server's version it makes
 * ({@code remoteVersion}), and the local version and digest of the content sent. Written before the
 * request, so after a lost answer (even across a crash) a 412 whose server copy has that version
 * and digest is recognised as this device's own update.
 */
public record SentMark(long remoteVersion, long localVersion, String hash) {}
