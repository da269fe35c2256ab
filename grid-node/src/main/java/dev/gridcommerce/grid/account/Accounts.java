package dev.gridcommerce.grid.account;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import dev.gridcommerce.domain.account.Account;
import dev.gridcommerce.domain.account.StoreStaff;
import dev.gridcommerce.grid.support.GridMaps;
import java.util.List;
import java.util.Optional;

/**
 * The people who sign in: the one door to the {@code accounts} map, keyed by normalized email (so
 * an email is taken once, atomically, across all API nodes). Written through to PostgreSQL.
 */
public final class Accounts {

  private final IMap<String, Account> accounts;
  private final IMap<String, Account> byId;
  private final IMap<String, StoreStaff> staff;

  public Accounts(HazelcastInstance grid) {
    GridMaps maps = new GridMaps(grid);
    this.accounts = maps.accounts();
    this.byId = maps.accountsById();
    this.staff = maps.storeStaff();
  }

  /** The Compact serializers of accounts and of a store's staff. */
  public static List<CompactSerializer<?>> serializers() {
    return List.of(new AccountSerializer(), new StoreStaffSerializer());
  }

  /** The account of a user id (an order's shopper), from PostgreSQL the first time. */
  public Optional<Account> byId(String userId) {
    return userId == null || userId.isBlank()
        ? Optional.empty()
        : Optional.ofNullable(byId.get(userId));
  }

  /** The emails of the store's staff accounts (none: empty). */
  public List<String> staffOf(String storeId) {
    StoreStaff found = staff.get(storeId);
    return found == null ? List.of() : found.emails();
  }

  /** Adds the account unless its email is taken; answers whether it was added. */
  public boolean create(Account account) {
    return accounts.putIfAbsent(account.email(), account) == null;
  }

  /** The account of an email, compared case-insensitively. */
  public Optional<Account> find(String email) {
    return Optional.ofNullable(accounts.get(Account.normalizeEmail(email)));
  }
}
