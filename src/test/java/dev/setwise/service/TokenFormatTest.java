package dev.setwise.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link TokenService#wellFormed} accepts exactly the texts the token pattern accepts. */
class TokenFormatTest {

  private static final Pattern TOKEN = Pattern.compile("swt_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
  private static final String ALPHABET = "swt_0123456789abcdefABCDEFxyzXYZ-_+/=. \u00e9\u0000";

  @Test
  void acceptsWhatThePatternAcceptsAndNothingElse() {
    String valid = "swt_0123456789ab_" + "A".repeat(20) + "z9-_" + "x".repeat(19);
    assertThat(valid).matches(TOKEN);
    assertThat(TokenService.wellFormed(valid)).isTrue();
    Random random = new Random(12);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder text = new StringBuilder(valid);
      int changes = 1 + random.nextInt(3);
      for (int c = 0; c < changes; c++) {
        int at = random.nextInt(text.length() + 1);
        char ch = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        switch (random.nextInt(3)) {
          case 0 -> text.insert(at, ch);
          case 1 -> { if (at < text.length()) text.deleteCharAt(at); }
          default -> { if (at < text.length()) text.setCharAt(at, ch); }
        }
      }
      String candidate = text.toString();
      assertThat(TokenService.wellFormed(candidate)).as(candidate).isEqualTo(TOKEN.matcher(candidate).matches());
    }
  }
}
