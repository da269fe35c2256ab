package dev.gridcommerce.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.gridcommerce.domain.catalog.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricingTest {

  @Test
  void theSubtotalIsTheSumOfTheLinesAndNothingIsAddedOrTakenOffYet() {
    PriceBreakdown price =
        Pricing.price(
            List.of(
                new PricedLine("FRU-00001", 3, Money.of(199, "EUR")),
                new PricedLine("DAI-00001", 2, Money.of(109, "EUR"))),
            "EUR");

    assertThat(price.subtotal()).isEqualTo(Money.of(815, "EUR"));
    assertThat(price.discount()).isEqualTo(Money.zero("EUR"));
    assertThat(price.deliveryFee()).isEqualTo(Money.zero("EUR"));
    assertThat(price.tax()).isEqualTo(Money.zero("EUR"));
    assertThat(price.total()).isEqualTo(Money.of(815, "EUR"));
  }

  @Test
  void noLinesCostNothingInTheStoresCurrency() {
    assertThat(Pricing.price(List.of(), "SEK").total()).isEqualTo(Money.zero("SEK"));
  }

  @Test
  void aLineInAnotherCurrencyThanTheStoresIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() ->
            Pricing.price(List.of(new PricedLine("FRU-00001", 1, Money.of(199, "USD"))), "EUR"));
  }

  @Test
  void aBreakdownWhoseTotalDoesNotAddUpIsRefused() {
    Money ten = Money.of(10, "EUR");
    Money zero = Money.zero("EUR");

    assertThat(new PriceBreakdown(ten, zero, ten, ten, Money.of(30, "EUR")).total())
        .isEqualTo(Money.of(30, "EUR"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PriceBreakdown(ten, zero, zero, zero, Money.of(11, "EUR")));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new PriceBreakdown(ten, Money.of(20, "EUR"), zero, zero, Money.of(-10, "EUR")));
  }
}
