package dev.gridcommerce.persistence.cart;

import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.domain.cart.CartLine;
import dev.gridcommerce.domain.order.Substitution;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.TextKeyMapStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps the {@code carts} map (shopper id → cart) in the {@code carts} table. Carts load one by one
 * when their shopper comes back; none are loaded when a member starts.
 */
public final class CartMapStore extends TextKeyMapStore<Cart> {

  private static final String UPSERT =
      """
      INSERT INTO carts (shopper_id, store_id, skus, quantities, updated_at, voucher_code,
                         substitutions)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (shopper_id) DO UPDATE SET
        store_id = EXCLUDED.store_id, skus = EXCLUDED.skus, quantities = EXCLUDED.quantities,
        updated_at = EXCLUDED.updated_at, voucher_code = EXCLUDED.voucher_code,
        substitutions = EXCLUDED.substitutions
      WHERE carts.updated_at <= EXCLUDED.updated_at
      """;

  public CartMapStore() {
    this(null);
  }

  public CartMapStore(Database database) {
    super(database, "carts", "carts", "shopper_id");
  }

  @Override
  protected void upsert(Map<String, Cart> entries) {
    batch(
        UPSERT,
        entries.entrySet(),
        (statement, entry) -> {
          Cart cart = entry.getValue();
          statement.setString(1, entry.getKey());
          statement.setString(2, cart.storeId());
          statement.setArray(
              3, textArray(statement, cart.lines().stream().map(CartLine::sku).toList()));
          statement.setArray(
              4, intArray(statement, cart.lines().stream().map(CartLine::quantity).toList()));
          statement.setObject(5, utc(cart.updatedAt()));
          statement.setString(6, cart.voucherCode());
          statement.setArray(
              7,
              textArray(
                  statement,
                  cart.lines().stream().map(line -> line.substitution().encoded()).toList()));
        });
  }

  @Override
  protected Cart read(ResultSet row) throws SQLException {
    List<String> skus = strings(row, "skus");
    List<Integer> quantities = integers(row, "quantities");
    // carts stored before substitutions existed have none: the best match
    List<String> substitutions =
        row.getArray("substitutions") == null ? null : strings(row, "substitutions");
    List<CartLine> lines = new ArrayList<>(skus.size());
    for (int i = 0; i < skus.size(); i++) {
      lines.add(
          new CartLine(
              skus.get(i),
              quantities.get(i),
              Substitution.decode(substitutions == null ? null : substitutions.get(i))));
    }
    return new Cart(
        row.getString("store_id"),
        lines,
        row.getString("voucher_code"),
        instant(row, "updated_at"));
  }

  /** None: carts load on demand. */
  @Override
  protected List<String> keysToLoad() {
    return null;
  }
}
