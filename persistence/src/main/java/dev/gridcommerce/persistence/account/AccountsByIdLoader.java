package dev.gridcommerce.persistence.account;

import dev.gridcommerce.domain.account.Account;
import dev.gridcommerce.domain.account.StoreStaff;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.ReadOnlyLoader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only views of the {@code accounts} table for the notifications: the {@code accounts-by-id}
 * map (user id → account, whose email an order's mail goes to) and, through {@link
 * StoreStaffLoader}, the {@code store-staff} map (store id → the emails of its staff). Derived from
 * the accounts, which {@link AccountMapStore} stores (through); none are loaded when a member
 * starts.
 */
public final class AccountsByIdLoader extends ReadOnlyLoader<Account> {

  public AccountsByIdLoader() {
    this(null);
  }

  public AccountsByIdLoader(Database database) {
    super(database);
  }

  @Override
  public Map<String, Account> loadAll(Collection<String> userIds) {
    Map<String, Account> loaded = new HashMap<>();
    database()
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

  /** The {@code store-staff} map: store id → the emails of the store's STAFF accounts. */
  public static final class StoreStaffLoader extends ReadOnlyLoader<StoreStaff> {

    public StoreStaffLoader() {
      this(null);
    }

    public StoreStaffLoader(Database database) {
      super(database);
    }

    @Override
    public Map<String, StoreStaff> loadAll(Collection<String> storeIds) {
      Map<String, List<String>> emails = new HashMap<>();
      database()
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
  }
}
