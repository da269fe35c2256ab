package dev.gridcommerce.domain.cart;

import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.order.Substitution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A shopper's cart. It belongs to one dark store ({@code storeId}, null until the shopper chooses
 * one), holds at most one line per product, and may name one voucher ({@code voucherCode},
 * upper-case, or null), which is priced in and held at checkout.
 */
public record Cart(String storeId, List<CartLine> lines, String voucherCode, Instant updatedAt) {

  public static final int MAX_QUANTITY_PER_LINE = 50;
  public static final int MAX_LINES = 100;

  public Cart(String storeId, List<CartLine> lines, Instant updatedAt) {
    this(storeId, lines, null, updatedAt);
  }

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
    return new Cart(Objects.requireNonNull(newStoreId, "storeId"), lines, voucherCode, now);
  }

  /** Sets the quantity of a product, keeping the line's place; zero removes the line. */
  public Cart withQuantity(String sku, int quantity, Instant now) {
    return withLine(sku, quantity, null, now);
  }

  /**
   * Sets the quantity of a product and, unless {@code substitution} is null (then a line keeps the
   * one it had, a new line gets {@link Substitution#BEST_MATCH}), what to do when it is short;
   * keeps the line's place; zero removes the line.
   */
  public Cart withLine(String sku, int quantity, Substitution substitution, Instant now) {
    Product.requireValidSku(sku);
    requireLineQuantity(quantity);
    if (substitution != null && substitution.names(sku)) {
      throw new IllegalArgumentException("a product can't be its own substitute");
    }
    List<CartLine> next = new ArrayList<>(lines.size() + 1);
    boolean replaced = false;
    for (CartLine line : lines) {
      if (line.sku().equals(sku)) {
        replaced = true;
        if (quantity > 0) {
          next.add(
              new CartLine(
                  sku, quantity, substitution == null ? line.substitution() : substitution));
        }
      } else {
        next.add(line);
      }
    }
    if (!replaced && quantity > 0) {
      next.add(
          new CartLine(
              sku, quantity, substitution == null ? Substitution.BEST_MATCH : substitution));
    }
    return new Cart(storeId, next, voucherCode, now);
  }

  /** The cart with this voucher (a code already normalized), or none for null. */
  public Cart withVoucher(String code, Instant now) {
    return new Cart(storeId, lines, code, now);
  }

  /** No lines and no voucher. */
  public Cart emptied(Instant now) {
    return new Cart(storeId, List.of(), null, now);
  }
}
