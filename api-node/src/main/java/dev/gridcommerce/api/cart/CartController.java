package dev.gridcommerce.api.cart;

import dev.gridcommerce.api.account.Caller;
import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.domain.order.Substitution;
import dev.gridcommerce.grid.cart.CartChange;
import dev.gridcommerce.grid.cart.Carts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in shopper's cart. At a store that reserves on add-to-cart, a line's units are held as
 * it is set (409 when they aren't there).
 */
@RestController
@RequestMapping("/api/v1/cart")
class CartController {

  private final Carts carts;

  CartController(Carts carts) {
    this.carts = carts;
  }

  record ChooseStore(@NotBlank String storeId) {}

  record UseVoucher(@NotBlank @Size(max = 64) String code) {}

  /**
   * A line's quantity and, optionally, what to do when it is short at picking (a line keeps its
   * choice when none is given; a new one gets {@code BEST_MATCH}).
   */
  record SetQuantity(
      @NotNull @Min(0) @Max(Cart.MAX_QUANTITY_PER_LINE) Integer quantity,
      Substitution substitution) {}

  @GetMapping
  CartView cart(@AuthenticationPrincipal Caller caller) {
    return CartView.of(carts.get(caller.userId()));
  }

  @PutMapping("/store")
  CartView chooseStore(
      @AuthenticationPrincipal Caller caller, @Valid @RequestBody ChooseStore request) {
    return view(carts.chooseStore(caller.userId(), request.storeId()));
  }

  @PutMapping("/items/{sku}")
  CartView setQuantity(
      @AuthenticationPrincipal Caller caller,
      @PathVariable String sku,
      @Valid @RequestBody SetQuantity request) {
    if (request.substitution() != null && request.substitution().names(sku)) {
      throw ApiProblem.invalid("substitution.sku", "a product can't be its own substitute");
    }
    return view(carts.setLine(caller.userId(), sku, request.quantity(), request.substitution()));
  }

  /** Names the cart's voucher; the cart then shows its discount, or why it doesn't apply. */
  @PutMapping("/voucher")
  CartView useVoucher(
      @AuthenticationPrincipal Caller caller, @Valid @RequestBody UseVoucher request) {
    return view(carts.useVoucher(caller.userId(), request.code()));
  }

  @DeleteMapping("/voucher")
  CartView dropVoucher(@AuthenticationPrincipal Caller caller) {
    return CartView.of(carts.dropVoucher(caller.userId()));
  }

  @DeleteMapping
  ResponseEntity<Void> empty(@AuthenticationPrincipal Caller caller) {
    carts.empty(caller.userId());
    return ResponseEntity.noContent().build();
  }

  private static CartView view(CartChange change) {
    return switch (change) {
      case CartChange.Updated updated -> CartView.of(updated.cart());
      case CartChange.Short shortOf ->
          throw new ApiProblem(
              HttpStatus.CONFLICT,
              "insufficient-stock",
              "Not enough stock",
              "this store holds stock as it goes into the cart, and has only "
                  + shortOf.available()
                  + " for you",
              Map.of(
                  "sku",
                  shortOf.sku(),
                  "requested",
                  shortOf.requested(),
                  "available",
                  shortOf.available()));
      case CartChange.UnknownProduct unknown ->
          throw ApiProblem.notFound("no product has the sku '" + unknown.sku() + "'");
      case CartChange.UnknownVoucher unknown ->
          throw ApiProblem.notFound("no voucher has the code '" + unknown.code() + "'");
      case CartChange.UnknownStore unknown ->
          throw ApiProblem.invalid(
              "storeId", "no dark store has the id '" + unknown.storeId() + "'");
    };
  }
}
