package dev.gridcommerce.api.cart;

import dev.gridcommerce.api.account.Caller;
import dev.gridcommerce.api.catalog.Availability;
import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.domain.cart.CartLine;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.grid.GridMaps;
import dev.gridcommerce.grid.cart.CartChange;
import dev.gridcommerce.grid.cart.ChooseStoreProcessor;
import dev.gridcommerce.grid.cart.EmptyCartProcessor;
import dev.gridcommerce.grid.cart.SetCartLineProcessor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in shopper's cart; every change is an entry processor on the cart's partition. */
@RestController
@RequestMapping("/api/v1/cart")
class CartController {

  private final GridMaps maps;
  private final Availability availability;
  private final Clock clock;

  CartController(GridMaps maps, Availability availability, Clock clock) {
    this.maps = maps;
    this.availability = availability;
    this.clock = clock;
  }

  record ChooseStore(@NotBlank String storeId) {}

  record SetQuantity(@NotNull @Min(0) @Max(Cart.MAX_QUANTITY_PER_LINE) Integer quantity) {}

  @GetMapping
  CartView cart(@AuthenticationPrincipal Caller caller) {
    Cart cart = maps.carts().get(caller.userId());
    return view(cart == null ? Cart.empty(clock.instant()) : cart);
  }

  @PutMapping("/store")
  CartView chooseStore(
      @AuthenticationPrincipal Caller caller, @Valid @RequestBody ChooseStore request) {
    availability.requireStore(request.storeId());
    return change(caller, new ChooseStoreProcessor(request.storeId(), clock.instant()));
  }

  @PutMapping("/items/{sku}")
  CartView setQuantity(
      @AuthenticationPrincipal Caller caller,
      @PathVariable String sku,
      @Valid @RequestBody SetQuantity request) {
    if (!Product.isValidSku(sku) || !maps.products().containsKey(sku)) {
      throw ApiProblem.notFound("no product has the sku '" + sku + "'");
    }
    return change(caller, new SetCartLineProcessor(sku, request.quantity(), clock.instant()));
  }

  @DeleteMapping
  ResponseEntity<Void> empty(@AuthenticationPrincipal Caller caller) {
    maps.carts().executeOnKey(caller.userId(), new EmptyCartProcessor(clock.instant()));
    return ResponseEntity.noContent().build();
  }

  private CartView change(Caller caller, CartChange change) {
    return view(maps.carts().executeOnKey(caller.userId(), change));
  }

  private CartView view(Cart cart) {
    return CartView.of(
        cart,
        maps.products()
            .getAll(cart.lines().stream().map(CartLine::sku).collect(Collectors.toSet())));
  }
}
