package dev.gridcommerce.persistence.order;

import dev.gridcommerce.domain.order.ShopperOrders;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.ReadOnlyLoader;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the {@code shopper-orders} map (shopper id → their orders as stored, oldest first) from the
 * {@code orders} table, so a shopper's history includes orders that left the grid. Read only:
 * derived from the orders, which {@link OrderMapStore} stores. Entries live 10 minutes in the grid,
 * less than a closed order stays there, so every order is either in memory or in the loaded index.
 * None are loaded when a member starts.
 */
public final class ShopperOrdersLoader extends ReadOnlyLoader<ShopperOrders> {

  private static final String BY_SHOPPERS =
      """
      SELECT shopper_id, id, created_at FROM orders WHERE shopper_id = ANY(?)
      ORDER BY shopper_id, created_at, id
      """;

  public ShopperOrdersLoader() {
    this(null);
  }

  public ShopperOrdersLoader(Database database) {
    super(database);
  }

  @Override
  public Map<String, ShopperOrders> loadAll(Collection<String> shopperIds) {
    Map<String, List<ShopperOrders.Placed>> placed = new HashMap<>();
    database()
        .jdbc()
        .query(
            BY_SHOPPERS,
            statement ->
                statement.setArray(
                    1, statement.getConnection().createArrayOf("text", shopperIds.toArray())),
            row -> {
              placed
                  .computeIfAbsent(row.getString("shopper_id"), shopper -> new ArrayList<>())
                  .add(
                      new ShopperOrders.Placed(
                          row.getString("id"),
                          row.getObject("created_at", OffsetDateTime.class).toInstant()));
            });
    Map<String, ShopperOrders> loaded = new HashMap<>();
    placed.forEach((shopper, orders) -> loaded.put(shopper, new ShopperOrders(orders)));
    return loaded;
  }
}
