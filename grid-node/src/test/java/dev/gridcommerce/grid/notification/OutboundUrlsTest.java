package dev.gridcommerce.grid.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Webhooks go to public http(s) addresses only, unless the settings allow more. */
class OutboundUrlsTest {

  private final OutboundUrls strict = new OutboundUrls(false, false);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://169.254.169.254/latest/meta-data/",
        "http://[fe80::1]/hook",
        "http://10.0.0.7/hook",
        "http://172.16.3.4/hook",
        "http://192.168.1.20:8080/hook",
        "http://100.64.0.1/hook",
        "http://[fc00::1]/hook",
        "http://127.0.0.1:9000/hook",
        "http://localhost/hook",
        "http://0.0.0.0/hook",
        "http://0.1.2.3/hook",
        "http://198.18.0.1/hook",
        "http://240.0.0.1/hook",
        "http://224.0.0.1/hook",
        "http://[64:ff9b::a9fe:a9fe]/",
        "http://[2002:a9fe:a9fe::1]/",
        "http://[2002:0a00:0001::1]/"
      })
  void metadataLinkLocalPrivateAndLoopbackAddressesAreRefused(String url) {
    assertThatThrownBy(() -> strict.check(url))
        .isInstanceOf(OutboundUrls.Refused.class)
        .hasMessageContaining("resolves to");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://93.184.216.34/hook",
        "file:///etc/passwd",
        "http://user:pw@93.184.216.34/",
        "hook"
      })
  void onlyHttpAndHttpsUrlsWithAHostAndNoPasswordAreCalled(String url) {
    assertThatThrownBy(() -> strict.check(url)).isInstanceOf(OutboundUrls.Refused.class);
  }

  @Test
  void publicAddressesPassAndTheSettingsOpenLoopbackOrPrivateNetworksButNeverMetadata() {
    assertThat(strict.check("https://93.184.216.34/hook").getHost()).isEqualTo("93.184.216.34");
    OutboundUrls tests = new OutboundUrls(true, false);
    assertThat(tests.check("http://127.0.0.1:9000/hook").getPort()).isEqualTo(9000);
    assertThatThrownBy(() -> tests.check("http://10.0.0.7/hook"))
        .isInstanceOf(OutboundUrls.Refused.class);
    OutboundUrls inside = new OutboundUrls(false, true);
    assertThat(inside.check("http://10.0.0.7/hook").getHost()).isEqualTo("10.0.0.7");
    assertThatThrownBy(() -> inside.check("http://169.254.169.254/"))
        .isInstanceOf(OutboundUrls.Refused.class)
        .hasMessageContaining("link-local");
  }
}
