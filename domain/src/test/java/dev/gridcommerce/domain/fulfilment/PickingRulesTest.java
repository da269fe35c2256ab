package dev.gridcommerce.domain.fulfilment;

import static dev.gridcommerce.domain.fixtures.OrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.catalog.TaxClass;
import dev.gridcommerce.domain.order.LinePick;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.Replacement;
import dev.gridcommerce.domain.order.Substitution;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PickingRulesTest {

  @Test
  void aPickListWalksZoneThenAisleThenShelfAndPutsUnplacedProductsLast() {
    Order order =
        anOrder()
            .line("AAA-00001", 1, 100)
            .line("BBB-00001", 1, 100)
            .line("CCC-00001", 1, 100)
            .line("DDD-00001", 1, 100)
            .line("EEE-00001", 1, 100)
            .build();
    Map<String, ShelfLocation> locations =
        Map.of(
            "AAA-00001", new ShelfLocation("B", 1, 1),
            "BBB-00001", new ShelfLocation("A", 2, 1),
            "CCC-00001", new ShelfLocation("A", 1, 3),
            "EEE-00001", new ShelfLocation("A", 1, 2));

    PickList list = PickList.of(order, locations);

    assertThat(list.items())
        .extracting(PickList.Item::sku)
        .containsExactly("EEE-00001", "CCC-00001", "BBB-00001", "AAA-00001", "DDD-00001");
    assertThat(list.items().getFirst().location()).hasToString("A-1-2");
  }

  @Test
  void theBestMatchIsTheSameCategoryAndBrandFirstThenSizeThenPriceAndOnlyWhatIsAvailable() {
    Product milk = product("DAI-00001", "Alpen", "1 l", 150, "Dairy");
    List<Product> products =
        List.of(
            product("DAI-00002", "Other", "1 l", 150, "Dairy"),
            product("DAI-00003", "Alpen", "500 ml", 160, "Dairy"),
            product("DAI-00004", "Alpen", "1 l", 190, "Dairy"),
            product("DAI-00005", "Alpen", "1 l", 140, "Dairy"),
            product("DAI-00006", "Alpen", "1 l", 400, "Dairy"),
            product("BAK-00001", "Alpen", "1 l", 150, "Bakery"),
            product("DAI-00007", "Alpen", "1 l", 150, "Dairy"),
            product("DAI-00008", "Alpen", "1 l", 150, "Dairy"));
    Map<String, Integer> available =
        Map.of(
            "DAI-00002",
            3,
            "DAI-00003",
            3,
            "DAI-00004",
            3,
            "DAI-00005",
            3,
            "DAI-00006",
            3,
            "BAK-00001",
            3,
            "DAI-00008",
            3);

    List<Product> ranked = SubstituteRanking.rank(milk, products, available, Set.of("DAI-00008"));

    // 00006 is outside the price band, 00007 not available, 00008 already in the order
    assertThat(ranked)
        .extracting(Product::sku)
        .containsExactly("DAI-00005", "DAI-00004", "DAI-00003", "DAI-00002");
  }

  @Test
  void aCartLineKeepsItsSubstitutionWhenOnlyItsQuantityChanges() {
    Instant now = Instant.parse("2026-12-02T10:00:00Z");
    Cart cart =
        Cart.empty(now)
            .withLine("DAI-00001", 1, Substitution.specific("DAI-00002"), now)
            .withQuantity("DAI-00001", 3, now)
            .withQuantity("BAK-00001", 1, now);

    assertThat(cart.line("DAI-00001").orElseThrow().substitution())
        .isEqualTo(Substitution.specific("DAI-00002"));
    assertThat(cart.line("BAK-00001").orElseThrow().substitution())
        .isEqualTo(Substitution.BEST_MATCH);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> cart.withLine("DAI-00001", 1, Substitution.specific("DAI-00001"), now));
  }

  @Test
  void aSubstitutionReadsBackFromItsOneWord() {
    for (Substitution substitution :
        List.of(Substitution.BEST_MATCH, Substitution.REFUND, Substitution.specific("X-1"))) {
      assertThat(Substitution.decode(substitution.encoded())).isEqualTo(substitution);
    }
    assertThat(Substitution.decode(null)).isEqualTo(Substitution.BEST_MATCH);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Substitution(Substitution.Preference.REFUND, "X-1"));
  }

  @Test
  void aCheaperReplacementIsCreditedTheDifferenceAndADearerOneNothing() {
    Money price = Money.of(200, "EUR");
    LinePick cheaper = new LinePick(1, new Replacement("X-2", "Cheaper", 2, Money.of(50, "EUR")));
    LinePick dearer = new LinePick(1, new Replacement("X-3", "Dearer", 2, Money.of(900, "EUR")));

    assertThat(cheaper.credit(3, price)).isEqualTo(Money.of(300, "EUR"));
    assertThat(dearer.credit(3, price)).isEqualTo(Money.zero("EUR"));
    assertThat(new LinePick(3, null).credit(3, price)).isEqualTo(Money.zero("EUR"));
  }

  private static Product product(String sku, String brand, String size, long cents, String cat) {
    return new Product(
        sku,
        sku,
        brand,
        cat,
        "",
        Money.of(cents, "EUR"),
        Map.of("size", size),
        TaxClass.REDUCED,
        null);
  }
}
