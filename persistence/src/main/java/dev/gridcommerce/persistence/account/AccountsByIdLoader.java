package dev.gridcommerce.persistence.account;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.MapLoader;
import com.hazelcast.map.MapLoaderLifecycleSupport;
import dev.gridcommerce.domain.account.Account;
import dev.gridcommerce.domain.account.StoreStaff;
import dev.gridcommerce.persistence.Database;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Read-only views of the {@code accounts} table for the notifications: the {@code accounts-by-id}
 * map (user id → account, whose email an order's mail goes to) and, through {@link
 * StoreStaffLoader}, the {@code store-staff} map (store id → the emails of its staff). Derived from
 * the accounts, which {@link AccountMapStore} stores (through); none are loaded when a member
 * starts.
 */
public final class AccountsByIdLoader
    implements MapLoader<String, Account>, MapLoaderLifecycleSupport {

  private Database database;

  public AccountsByIdLoader() {}

  public AccountsByIdLoader(Database database) {
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
  public Account load(String userId) {
    return loadAll(List.of(userId)).get(userId);
  }

  @Override
  public Map<String, Account> loadAll(Collection<String> userIds) {
    Map<String, Account> loaded = new HashMap<>();
    database
        .jdbc()
        .query(
            "SELECT * FROM accounts WHERE user_id = ANY(?)",
            statement ->
                statement.setArray(
                    1, statement.getConnection().createArrayOf("text", userIds.toArray())),
            row -> {
              Account account = AccountMapStore.account(row);
              loaded.put(account.userId(), account);
            });
    return loaded;
  }

  /** None: an account loads by id when a mail is to go to it. */
  @Override
  public Iterable<String> loadAllKeys() {
    return null;
  }

  /** The {@code store-staff} map: store id → the emails of the store's STAFF accounts. */
  public static final class StoreStaffLoader
      implements MapLoader<String, StoreStaff>, MapLoaderLifecycleSupport {

    private Database database;

    public StoreStaffLoader() {}

    public StoreStaffLoader(Database database) {
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
    public StoreStaff load(String storeId) {
      return loadAll(List.of(storeId)).get(storeId);
    }

    @Override
    public Map<String, StoreStaff> loadAll(Collection<String> storeIds) {
      Map<String, List<String>> emails = new HashMap<>();
      database
          .jdbc()
          .query(
              """
              SELECT store_id, email FROM accounts, unnest(store_ids) AS store_id
              WHERE 'STAFF' = ANY(roles) AND store_id = ANY(?) ORDER BY store_id, email
              """,
              statement ->
                  statement.setArray(
                      1, statement.getConnection().createArrayOf("text", storeIds.toArray())),
              row -> {
                emails
                    .computeIfAbsent(row.getString("store_id"), store -> new ArrayList<>())
                    .add(row.getString("email"));
              });
      Map<String, StoreStaff> loaded = new HashMap<>();
      emails.forEach((store, list) -> loaded.put(store, new StoreStaff(store, list)));
      return loaded;
    }

    /** None: a store's staff load when an alert is to go to them. */
    @Override
    public Iterable<String> loadAllKeys() {
      return null;
    }
  }
}
