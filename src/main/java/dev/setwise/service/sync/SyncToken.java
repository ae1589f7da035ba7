package dev.setwise.service.sync;

import dev.setwise.domain.Problem;
import dev.setwise.domain.ValidationException;
import java.util.List;

/**
 * An API token of the sync server. Its text is shown by {@link #reveal()} only, to the one place
 * that sends it ({@code Authorization: Bearer}); {@link #toString()} never shows it, so it cannot
 * reach a log line or an exception message by accident.
 */
public final class SyncToken {

  /** Longer than any token {@code setwise token create} makes, short enough to refuse junk. */
  public static final int MAX_LENGTH = 1000;

  private final String text;

  private SyncToken(String text) {
    this.text = text;
  }

  /**
   * @throws ValidationException {@code Invalid token} when it is empty, too long or holds spaces
   *     or control characters (a header could not carry it)
   */
  public static SyncToken of(String text) {
    String value = text == null ? "" : text.strip();
    if (value.isEmpty() || value.length() > MAX_LENGTH
        || !value.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      throw new ValidationException("Invalid token",
          List.of(new Problem("token", "must be 1 to " + MAX_LENGTH + " visible ASCII characters")));
    }
    return new SyncToken(value);
  }

  /** The token's text, for the Authorization header and the token file only. */
  public String reveal() {
    return text;
  }

  @Override
  public String toString() {
    return "SyncToken[hidden]";
  }
}
