package dev.setwise.service.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The server address sync keeps: one spelling for one server, and why an address is not one. */
class ServerUrlTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "http://192.168.1.20:8080, http://192.168.1.20:8080",
      "http://192.168.1.20:8080/, http://192.168.1.20:8080",
      "HTTP://Home.local:8080/api/, http://home.local:8080",
      "https://sync.example.org, https://sync.example.org",
      "http://[::1]:8080, http://[::1]:8080",
  })
  void aServerAddressIsKeptInOneSpelling(String given, String kept) {
    assertThat(SyncSettingsService.normalizeServerUrl(given)).isEqualTo(kept);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ftp://host:21 | must start with http:// or https://",
      "192.168.1.20:8080 | must start with http:// or https://",
      "http://user:secret@host:8080 | must not hold a user name or password (give the token with --token)",
      "http://host:8080/?x=1 | must not have a query or a fragment",
      "http:// | is not a URL",
  })
  void aServerAddressThatIsNotOneIsRefusedWithWhy(String given, String why) {
    assertThatThrownBy(() -> SyncSettingsService.normalizeServerUrl(given))
        .isInstanceOf(ValidationException.class).hasMessage("Invalid server URL")
        .satisfies(e -> assertThat(((ValidationException) e).problems().get(0).message()).isEqualTo(why));
  }
}
