package dev.gridcommerce.api.cart;

import dev.gridcommerce.api.account.Caller;
import dev.gridcommerce.api.catalog.Availability;
import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.domain.cart.CartLine;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.grid.cart.Carts;
import dev.gridcommerce.grid.support.GridMaps;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.stream.Collectors;
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
 * The signed-in shopper's cart; every change is an entry processor on the cart's partition. At a
 * store that reserves on add-to-cart, a line's units are held as it is set (409 when they aren't
 * there).
 */
@RestController
@RequestMapping("/api/v1/cart")
class CartController {

  private final GridMaps maps;
  private final Carts carts;
  private final Availability availability;

  CartController(GridMaps maps, Carts carts, Availability availability) {
    this.maps = maps;
    this.carts = carts;
    this.availability = availability;
  }

  record ChooseStore(@NotBlank String storeId) {}

  record SetQuantity(@NotNull @Min(0) @Max(Cart.MAX_QUANTITY_PER_LINE) Integer quantity) {}

  @GetMapping
  CartView cart(@AuthenticationPrincipal Caller caller) {
    return view(carts.get(caller.userId()));
  }

  @PutMapping("/store")
  CartView chooseStore(
      @AuthenticationPrincipal Caller caller, @Valid @RequestBody ChooseStore request) {
    availability.requireStore(request.storeId());
    return view(carts.chooseStore(caller.userId(), request.storeId()));
  }

  @PutMapping("/items/{sku}")
  CartView setQuantity(
      @AuthenticationPrincipal Caller caller,
      @PathVariable String sku,
      @Valid @RequestBody SetQuantity request) {
    if (!Product.isValidSku(sku) || !maps.products().containsKey(sku)) {
      throw ApiProblem.notFound("no product has the sku '" + sku + "'");
    }
    return switch (carts.setQuantity(caller.userId(), sku, request.quantity())) {
      case Carts.LineChange.Updated updated -> view(updated.cart());
      case Carts.LineChange.Short shortOf ->
          throw new ApiProblem(
              HttpStatus.CONFLICT,
              "insufficient-stock",
              "Not enough stock",
              "this store holds stock as it goes into the cart, and has only "
                  + shortOf.available()
                  + " for you",
              Map.of(
                  "sku", sku, "requested", shortOf.requested(), "available", shortOf.available()));
    };
  }

  @DeleteMapping
  ResponseEntity<Void> empty(@AuthenticationPrincipal Caller caller) {
    carts.empty(caller.userId());
    return ResponseEntity.noContent().build();
  }

  private CartView view(Cart cart) {
    return CartView.of(
        cart,
        maps.products()
            .getAll(cart.lines().stream().map(CartLine::sku).collect(Collectors.toSet())));
  }
}
