package dev.gridcommerce.domain.cart;

import static dev.gridcommerce.domain.fixtures.CartBuilder.aCart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CartTest {

  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  @Test
  void settingAQuantityAddsALineOrReplacesItInPlace() {
    Cart cart = aCart().with("FRU-00001", 1).with("DAI-00002", 2).build();

    Cart updated = cart.withQuantity("FRU-00001", 4, NOW);

    assertThat(updated.lines())
        .containsExactly(new CartLine("FRU-00001", 4), new CartLine("DAI-00002", 2));
    assertThat(updated.updatedAt()).isEqualTo(NOW);
  }

  @Test
  void quantityZeroRemovesTheLine() {
    Cart cart = aCart().with("FRU-00001", 1).with("DAI-00002", 2).build();

    assertThat(cart.withQuantity("FRU-00001", 0, NOW).lines())
        .containsExactly(new CartLine("DAI-00002", 2));
  }

  @Test
  void quantityOutsideTheAllowedRangeIsRefused() {
    Cart cart = aCart().build();

    assertThatIllegalArgumentException().isThrownBy(() -> cart.withQuantity("FRU-00001", -1, NOW));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> cart.withQuantity("FRU-00001", Cart.MAX_QUANTITY_PER_LINE + 1, NOW));
  }

  @Test
  void malformedSkuIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> aCart().build().withQuantity("no spaces allowed", 1, NOW));
  }

  @Test
  void cartHoldsAtMostMaxLines() {
    var builder = aCart();
    for (int i = 0; i < Cart.MAX_LINES; i++) {
      builder.with("SKU-%05d".formatted(i), 1);
    }
    Cart full = builder.build();

    assertThatIllegalArgumentException().isThrownBy(() -> full.withQuantity("ZZZ-99999", 1, NOW));
  }

  @Test
  void choosingAStoreKeepsTheLines() {
    Cart cart = aCart().atStore("a").with("FRU-00001", 3).build();

    Cart moved = cart.atStore("b", NOW);

    assertThat(moved.storeId()).isEqualTo("b");
    assertThat(moved.lines()).isEqualTo(cart.lines());
  }
}
