package dev.gridcommerce.persistence.order;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.MapLoader;
import com.hazelcast.map.MapLoaderLifecycleSupport;
import dev.gridcommerce.domain.order.ShopperOrders;
import dev.gridcommerce.persistence.Database;
import java.sql.Array;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Loads the {@code shopper-orders} map (shopper id → the ids of their orders, oldest first) from
 * the {@code orders} table, so a shopper's history includes orders that left the grid. Read only:
 * the index is derived from the orders, which are stored by {@link OrderMapStore}; the grid adds a
 * new order's id to it at checkout. None are loaded when a member starts.
 */
public final class ShopperOrdersLoader
    implements MapLoader<String, ShopperOrders>, MapLoaderLifecycleSupport {

  private static final String BY_SHOPPERS =
      """
      SELECT shopper_id, array_agg(id ORDER BY created_at, id) AS order_ids
      FROM orders WHERE shopper_id = ANY(?) GROUP BY shopper_id
      """;

  private Database database;

  public ShopperOrdersLoader() {}

  public ShopperOrdersLoader(Database database) {
    this.database = database;
  }

  @Override
  public void init(HazelcastInstance member, Properties properties, String mapName) {
    database = Database.of(member);
  }

  @Override
  public void destroy() {
    // the member closes its Database on shutdown
  }

  @Override
  public ShopperOrders load(String shopperId) {
    return loadAll(List.of(shopperId)).get(shopperId);
  }

  @Override
  public Map<String, ShopperOrders> loadAll(Collection<String> shopperIds) {
    Map<String, ShopperOrders> loaded = new HashMap<>();
    database
        .jdbc()
        .query(
            BY_SHOPPERS,
            statement ->
                statement.setArray(
                    1, statement.getConnection().createArrayOf("text", shopperIds.toArray())),
            row -> {
              Array ids = row.getArray("order_ids");
              loaded.put(
                  row.getString("shopper_id"),
                  new ShopperOrders(List.of((String[]) ids.getArray())));
            });
    return loaded;
  }

  /** None: a shopper's index loads when they look at their orders or place one. */
  @Override
  public Iterable<String> loadAllKeys() {
    return null;
  }
}
