package dev.gridcommerce.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void addsAndMultipliesInMinorUnits() {
    assertThat(Money.of(199, "EUR").times(3).plus(Money.of(1, "EUR")))
        .isEqualTo(Money.of(598, "EUR"));
  }

  @Test
  void refusesToMixCurrencies() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Money.of(1, "EUR").plus(Money.of(1, "USD")));
  }

  @Test
  void refusesMalformedCurrencyCodes() {
    assertThatIllegalArgumentException().isThrownBy(() -> Money.of(1, "eur"));
  }

  @Test
  void overflowIsAnErrorNotAWrapAround() {
    assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "EUR").times(2))
        .isInstanceOf(ArithmeticException.class);
  }
}
