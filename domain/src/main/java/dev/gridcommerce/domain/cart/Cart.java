package dev.gridcommerce.domain.cart;

import dev.gridcommerce.domain.catalog.Product;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A shopper's cart. It belongs to one dark store ({@code storeId}, null until the shopper chooses
 * one) and holds at most one line per product.
 */
public record Cart(String storeId, List<CartLine> lines, Instant updatedAt) {

  public static final int MAX_QUANTITY_PER_LINE = 50;
  public static final int MAX_LINES = 100;

  public Cart {
    lines = List.copyOf(lines);
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (lines.size() > MAX_LINES) {
      throw new IllegalArgumentException("a cart holds at most " + MAX_LINES + " lines");
    }
    if (lines.stream().map(CartLine::sku).distinct().count() != lines.size()) {
      throw new IllegalArgumentException("a cart holds one line per product");
    }
  }

  public static Cart empty(Instant now) {
    return new Cart(null, List.of(), now);
  }

  public static void requireLineQuantity(int quantity) {
    if (quantity < 0 || quantity > MAX_QUANTITY_PER_LINE) {
      throw new IllegalArgumentException(
          "quantity must be between 0 and " + MAX_QUANTITY_PER_LINE + ": " + quantity);
    }
  }

  public boolean isEmpty() {
    return lines.isEmpty();
  }

  public Optional<CartLine> line(String sku) {
    return lines.stream().filter(l -> l.sku().equals(sku)).findFirst();
  }

  public Cart atStore(String newStoreId, Instant now) {
    return new Cart(Objects.requireNonNull(newStoreId, "storeId"), lines, now);
  }

  /** Sets the quantity of a product, keeping the line's place; zero removes the line. */
  public Cart withQuantity(String sku, int quantity, Instant now) {
    Product.requireValidSku(sku);
    requireLineQuantity(quantity);
    List<CartLine> next = new ArrayList<>(lines.size() + 1);
    boolean replaced = false;
    for (CartLine line : lines) {
      if (line.sku().equals(sku)) {
        replaced = true;
        if (quantity > 0) {
          next.add(new CartLine(sku, quantity));
        }
      } else {
        next.add(line);
      }
    }
    if (!replaced && quantity > 0) {
      next.add(new CartLine(sku, quantity));
    }
    return new Cart(storeId, next, now);
  }

  public Cart emptied(Instant now) {
    return new Cart(storeId, List.of(), now);
  }
}
