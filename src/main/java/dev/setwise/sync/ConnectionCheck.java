package dev.setwise.sync;

/** A server that answered its health check and accepted the token: its base URL and version. */
public record ConnectionCheck(String serverUrl, String serverVersion) {}
