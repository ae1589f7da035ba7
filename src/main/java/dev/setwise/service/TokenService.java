package dev.setwise.service;

import dev.setwise.domain.ApiToken;
import dev.setwise.domain.Messages;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Problem;
import dev.setwise.domain.ValidationException;
import dev.setwise.store.Database;
import dev.setwise.store.ProfileRepository;
import dev.setwise.store.TokenRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bearer tokens of the REST API. A token reads {@code swt_<id>_<secret>}: the id (12 hex digits)
 * names it in lists; the secret is 256 random bits. Only a SHA-256 hash of the whole text is stored,
 * so the text is shown once, when the token is created, and a copy of the database holds no
 * usable token. Presented tokens are checked against the hash in constant time.
 *
 * <p>Each method is one transaction, callable from any thread but the JavaFX application thread.
 * Database failures surface as {@link dev.setwise.store.StoreException}.
 */
public final class TokenService {

  /** The longest label, in characters. */
  public static final int MAX_LABEL = 100;
  /** The message of a bad label. */
  public static final String INVALID_TOKEN_DATA = "Invalid token data";
  /** The message when no token has the given id. */
  public static final String TOKEN_NOT_FOUND = "Token not found";

  private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);
  private static final String PREFIX = "swt_";
  private static final int ID_BYTES = 6;
  private static final int SECRET_BYTES = 32;
  private static final Pattern ID = Pattern.compile("[0-9a-f]{" + ID_BYTES * 2 + "}");
  /** The base64url text of the secret, without padding. */
  private static final int SECRET_TEXT = 43;
  /** One digest per request thread: looking one up by name was a tenth of authenticating. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(TokenService::sha256);

  private final Database database;
  private final TokenRepository tokens;
  private final ProfileRepository profiles;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  /**
   * Token rows read by {@link #authenticate}, each with the database's commit stamp taken before
   * it was read: used only while the stamp is still the same, that is while nothing at all was
   * committed (docs/decisions/0047). Only rows that exist are kept, so unknown ids cannot fill it.
   */
  private final java.util.concurrent.ConcurrentHashMap<String, Known> known = new java.util.concurrent.ConcurrentHashMap<>();

  /** The most token rows kept; past that the map starts again (a server has a handful). */
  private static final int MAX_KNOWN = 1024;

  private record Known(Object stamp, TokenRepository.Stored stored) {}

  public TokenService(Database database, TokenRepository tokens, ProfileRepository profiles, Clock clock) {
    this.database = database;
    this.tokens = tokens;
    this.profiles = profiles;
    this.clock = clock;
  }

  /** A new token and its text, which exists nowhere else: show it once and forget it. */
  public record Issued(ApiToken token, String text) {

    @Override
    public String toString() {
      return "Issued[" + token + ", text=(hidden)]";
    }
  }

  /**
   * Creates a token for a profile.
   *
   * @param label what the user calls it (where it is used), or {@code null}
   * @throws ValidationException {@value #INVALID_TOKEN_DATA} for a label that is blank, longer than
   *     {@value #MAX_LABEL} characters or holds control characters
   * @throws NotFoundException {@code Profile not found}
   */
  public Issued create(UUID profileId, String label) {
    String checkedLabel = checkLabel(label);
    return database.write(tx -> {
      if (profiles.find(tx, profileId).isEmpty()) {
        throw new NotFoundException(Messages.PROFILE_NOT_FOUND);
      }
      byte[] idBytes = new byte[ID_BYTES];
      byte[] secretBytes = new byte[SECRET_BYTES];
      random.nextBytes(idBytes);
      random.nextBytes(secretBytes);
      String id = HexFormat.of().formatHex(idBytes);
      String text = PREFIX + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
      ApiToken token = new ApiToken(id, profileId, checkedLabel, clock.instant(), null);
      tokens.insert(tx, token, hash(text));
      tx.afterCommit(() -> LOG.info("Created API token {} for profile {}", id, profileId));
      return new Issued(token, text);
    });
  }

  /** Every token (revoked ones too), oldest first; only one profile's when {@code profileId} is not null. */
  public List<ApiToken> list(UUID profileId) {
    return database.read(tx -> tokens.list(tx, profileId));
  }

  /**
   * Revokes a token: from now on it answers 401. Revoking a revoked token changes nothing.
   *
   * @return the token as it is now
   * @throws NotFoundException {@value #TOKEN_NOT_FOUND}
   */
  public ApiToken revoke(String id) {
    String key = id == null ? "" : id.strip().toLowerCase(java.util.Locale.ROOT);
    if (!ID.matcher(key).matches()) {
      throw new NotFoundException(TOKEN_NOT_FOUND);
    }
    return database.write(tx -> {
      if (tokens.revoke(tx, key, clock.instant())) {
        tx.afterCommit(() -> LOG.info("Revoked API token {}", key));
      }
      return tokens.find(tx, key).map(TokenRepository.Stored::token)
          .orElseThrow(() -> new NotFoundException(TOKEN_NOT_FOUND));
    });
  }

  /**
   * The profile a presented token belongs to; empty for text that is not a token, an unknown or
   * revoked token, or a wrong secret. One read transaction, or none when nothing was committed to
   * the database since this token's row was last read (see {@link Database#commitStamp}). From then on the calling thread's
   * transactions act for that profile (on PostgreSQL, row-level security admits only its rows)
   * until {@link #endRequest} or the next authentication; after a failed one they act for nobody.
   */
  public Optional<UUID> authenticate(String text) {
    database.actFor(null);
    if (text == null || text.length() > 100) {
      return Optional.empty();
    }
    if (!wellFormed(text)) {
      return Optional.empty();
    }
    String id = text.substring(PREFIX.length(), PREFIX.length() + ID_BYTES * 2);
    byte[] presented = SHA_256.get().digest(text.getBytes(StandardCharsets.US_ASCII));
    Optional<UUID> caller = row(id)
        .filter(stored -> MessageDigest.isEqual(stored.hash(), presented))
        .map(TokenRepository.Stored::token)
        .filter(token -> !token.revoked())
        .map(ApiToken::profileId);
    caller.ifPresent(database::actFor);
    return caller;
  }

  /**
   * The token row with this id as the database has it now: read in a transaction, or taken from
   * {@link #known} when nothing was committed to the database since it was read there (a
   * revocation, by this process or any other, is a commit, so it is never missed).
   */
  private Optional<TokenRepository.Stored> row(String id) {
    Object stamp = database.commitStamp();
    if (stamp != null) {
      Known entry = known.get(id);
      if (entry != null && entry.stamp().equals(stamp)) {
        return Optional.of(entry.stored());
      }
    }
    Optional<TokenRepository.Stored> row = database.read(tx -> tokens.find(tx, id));
    if (stamp == null || row.isEmpty()) {
      known.remove(id);
    } else {
      if (known.size() >= MAX_KNOWN) {
        known.clear();
      }
      known.put(id, new Known(stamp, row.get()));
    }
    return row;
  }

  /**
   * Ends what {@link #authenticate} began on this thread: its transactions act for nobody again.
   * The server calls it around every request, so no request inherits the caller of another.
   */
  public void endRequest() {
    database.actFor(null);
  }

  private static String checkLabel(String label) {
    if (label == null) {
      return null;
    }
    String trimmed = label.strip();
    int length = trimmed.codePointCount(0, trimmed.length());
    if (length < 1 || length > MAX_LABEL) {
      throw new ValidationException(INVALID_TOKEN_DATA,
          List.of(new Problem("label", "must be 1 to " + MAX_LABEL + " characters")));
    }
    if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
      throw new ValidationException(INVALID_TOKEN_DATA,
          List.of(new Problem("label", "must not contain control characters")));
    }
    return trimmed;
  }

  /**
   * Whether {@code text} reads {@code swt_<12 hex digits>_<43 base64url characters>} (checked
   * character by character, not with a pattern: this runs on every request).
   */
  static boolean wellFormed(String text) {
    int secretAt = PREFIX.length() + ID_BYTES * 2 + 1;
    if (text.length() != secretAt + SECRET_TEXT || !text.startsWith(PREFIX) || text.charAt(secretAt - 1) != '_') {
      return false;
    }
    for (int i = PREFIX.length(); i < secretAt - 1; i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    for (int i = secretAt; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static byte[] hash(String text) {
    return sha256().digest(text.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
