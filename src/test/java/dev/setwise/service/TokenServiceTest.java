package dev.setwise.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.ApiToken;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Profile;
import dev.setwise.domain.ValidationException;
import dev.setwise.support.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenServiceTest {

  @TempDir
  Path dir;

  TestContext t;
  TokenService tokens;
  Profile alex;

  @BeforeEach
  void open() {
    t = new TestContext(dir);
    tokens = t.app.tokens();
    alex = t.profile("Alex");
  }

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void aNewTokenAuthenticatesAsItsProfile() {
    TokenService.Issued issued = tokens.create(alex.id(), " laptop ");

    assertThat(issued.text()).matches("swt_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
    assertThat(issued.token().id()).isEqualTo(issued.text().substring(4, 16));
    assertThat(issued.token().label()).isEqualTo("laptop");
    assertThat(issued.token().createdAt()).isEqualTo(TestContext.START);
    assertThat(issued.toString()).doesNotContain(issued.text());
    assertThat(tokens.authenticate(issued.text())).contains(alex.id());
  }

  @Test
  void onlyAHashOfTheTokenIsStored() throws Exception {
    TokenService.Issued issued = tokens.create(alex.id(), null);
    String secret = issued.text().substring(17);
    t.close();

    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("setwise.db"));
        ResultSet rs = raw.createStatement().executeQuery("SELECT * FROM api_tokens")) {
      assertThat(rs.next()).isTrue();
      for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
        String value = rs.getString(column);
        assertThat(value == null || !value.contains(secret)).isTrue();
      }
      assertThat(rs.getBytes("token_hash")).hasSize(32);
    }
    assertThat(new String(Files.readAllBytes(dir.resolve("setwise.db")), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(secret);
    t = new TestContext(dir);
  }

  @Test
  void wrongMalformedAndRevokedTokensAuthenticateNobody() {
    TokenService.Issued issued = tokens.create(alex.id(), null);
    String text = issued.text();
    char last = text.charAt(text.length() - 1);

    assertThat(tokens.authenticate(text.substring(0, text.length() - 1) + (last == 'A' ? 'B' : 'A'))).isEmpty();
    assertThat(tokens.authenticate(text + "x")).isEmpty();
    assertThat(tokens.authenticate("")).isEmpty();
    assertThat(tokens.authenticate(null)).isEmpty();
    assertThat(tokens.authenticate(text.toUpperCase())).isEmpty();

    t.clock.advance(Duration.ofHours(1));
    ApiToken revoked = tokens.revoke(issued.token().id());

    assertThat(revoked.revokedAt()).isEqualTo(TestContext.START.plus(Duration.ofHours(1)));
    assertThat(tokens.authenticate(text)).isEmpty();
    t.clock.advance(Duration.ofHours(1));
    assertThat(tokens.revoke(issued.token().id().toUpperCase()).revokedAt())
        .as("revoking again changes nothing").isEqualTo(revoked.revokedAt());
  }

  @Test
  void aTokenRevokedThroughAnotherConnectionToTheFileIsRefusedAtOnceThoughItWasJustUsed() throws Exception {
    TokenService.Issued issued = tokens.create(alex.id(), null);
    assertThat(tokens.authenticate(issued.text())).contains(alex.id());
    assertThat(tokens.authenticate(issued.text())).as("nothing changed: the row read before holds").contains(alex.id());

    // Another process on the same folder (setwise token revoke) is another connection to the file.
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("setwise.db"));
        PreparedStatement revoke = other.prepareStatement("UPDATE api_tokens SET revoked_at = ? WHERE id = ?")) {
      revoke.setLong(1, TestContext.START.plusSeconds(60).toEpochMilli());
      revoke.setString(2, issued.token().id());
      assertThat(revoke.executeUpdate()).isEqualTo(1);
    }

    assertThat(tokens.authenticate(issued.text())).isEmpty();
    assertThat(tokens.authenticate(issued.text())).isEmpty();
  }

  @Test
  void aTokenWhoseRowIsDeletedElsewhereIsRefusedAtOnce() throws Exception {
    TokenService.Issued issued = tokens.create(alex.id(), null);
    assertThat(tokens.authenticate(issued.text())).contains(alex.id());

    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("setwise.db"));
        PreparedStatement delete = other.prepareStatement("DELETE FROM api_tokens WHERE id = ?")) {
      delete.setString(1, issued.token().id());
      assertThat(delete.executeUpdate()).isEqualTo(1);
    }

    assertThat(tokens.authenticate(issued.text())).isEmpty();
  }

  @Test
  void aWrongSecretIsRefusedAlsoRightAfterTheRightOneWasAccepted() {
    TokenService.Issued issued = tokens.create(alex.id(), null);
    String text = issued.text();
    char last = text.charAt(text.length() - 1);
    String wrong = text.substring(0, text.length() - 1) + (last == 'A' ? 'B' : 'A');

    assertThat(tokens.authenticate(text)).contains(alex.id());
    assertThat(tokens.authenticate(wrong)).isEmpty();
    assertThat(tokens.authenticate(text)).contains(alex.id());
  }

  @Test
  void aTokenRevokedByThisServiceIsRefusedAtOnceThoughItWasJustUsed() {
    TokenService.Issued issued = tokens.create(alex.id(), null);
    assertThat(tokens.authenticate(issued.text())).contains(alex.id());

    tokens.revoke(issued.token().id());

    assertThat(tokens.authenticate(issued.text())).isEmpty();
  }

  @Test
  void listShowsEveryTokenOrOneProfilesOldestFirst() {
    Profile sam = t.profile("Sam");
    ApiToken first = tokens.create(alex.id(), "a").token();
    t.clock.advance(Duration.ofSeconds(1));
    ApiToken second = tokens.create(sam.id(), "b").token();

    assertThat(tokens.list(null)).extracting(ApiToken::id).containsExactly(first.id(), second.id());
    assertThat(tokens.list(sam.id())).extracting(ApiToken::id).containsExactly(second.id());
  }

  @Test
  void badLabelsUnknownProfilesAndUnknownIdsAreRefused() {
    assertThatThrownBy(() -> tokens.create(alex.id(), "   ")).isInstanceOf(ValidationException.class)
        .hasMessage("Invalid token data");
    assertThatThrownBy(() -> tokens.create(alex.id(), "x".repeat(101))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> tokens.create(alex.id(), "a\u0007b")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> tokens.create(UUID.randomUUID(), null)).isInstanceOf(NotFoundException.class)
        .hasMessage("Profile not found");
    assertThatThrownBy(() -> tokens.revoke("0123456789ab")).isInstanceOf(NotFoundException.class)
        .hasMessage("Token not found");
    assertThatThrownBy(() -> tokens.revoke("'; DROP TABLE api_tokens; --")).isInstanceOf(NotFoundException.class);
    assertThat(tokens.list(null)).isEmpty();
  }

  @Test
  void theSchemaRefusesToUnrevokeOrAlterAToken() throws Exception {
    String id = tokens.create(alex.id(), null).token().id();
    tokens.revoke(id);
    t.close();

    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("setwise.db"))) {
      assertThatThrownBy(() -> raw.createStatement().execute("UPDATE api_tokens SET revoked_at = NULL"))
          .hasMessageContaining("can only be revoked");
    }
    t = new TestContext(dir);
  }
}
