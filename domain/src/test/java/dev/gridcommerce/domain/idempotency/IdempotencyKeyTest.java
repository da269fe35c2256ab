package dev.gridcommerce.domain.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

  @Test
  void theSameKeyOfTheSameCallerAlwaysDerivesTheSameId() {
    IdempotencyKey key = new IdempotencyKey("ada", "order-42");

    assertThat(key.derivedId()).isEqualTo(new IdempotencyKey("ada", "order-42").derivedId());
    assertThat(key.derivedId()).isNotEqualTo(new IdempotencyKey("bob", "order-42").derivedId());
    assertThat(key.derivedId()).isNotEqualTo(new IdempotencyKey("ada", "order-43").derivedId());
    assertThat(key.scoped()).isEqualTo("ada\norder-42");
  }

  @Test
  void aKeyIsOneToTwoHundredFiftyFiveVisibleCharacters() {
    assertThat(IdempotencyKey.isValid("a")).isTrue();
    assertThat(IdempotencyKey.isValid("x".repeat(255))).isTrue();
    assertThat(IdempotencyKey.isValid("my key 1")).isTrue();
    assertThat(IdempotencyKey.isValid("x".repeat(256))).isFalse();
    assertThat(IdempotencyKey.isValid("  ")).isFalse();
    assertThat(IdempotencyKey.isValid(null)).isFalse();
    assertThat(IdempotencyKey.isValid("tab\there")).isFalse();
    assertThat(IdempotencyKey.isValid("ümlaut")).isFalse();
    assertThatIllegalArgumentException().isThrownBy(() -> new IdempotencyKey("ada", ""));
  }
}
