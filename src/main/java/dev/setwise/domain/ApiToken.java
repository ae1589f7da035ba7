package dev.setwise.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A bearer token of the REST API as it is stored: never the token text, only who it belongs to.
 *
 * @param id the public part of the token text, naming it in lists and for revocation
 * @param label what the user called it ({@code null} when unnamed)
 * @param revokedAt when it stopped working ({@code null} while it works)
 */
public record ApiToken(String id, UUID profileId, String label, Instant createdAt, Instant revokedAt) {

  public boolean revoked() {
    return revokedAt != null;
  }
}
