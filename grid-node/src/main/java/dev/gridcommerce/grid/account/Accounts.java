package dev.gridcommerce.grid.account;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import dev.gridcommerce.domain.account.Account;
import dev.gridcommerce.grid.support.GridMaps;
import java.util.List;
import java.util.Optional;

/**
 * The people who sign in: the one door to the {@code accounts} map, keyed by normalized email (so
 * an email is taken once, atomically, across all API nodes). Written through to PostgreSQL.
 */
public final class Accounts {

  private final IMap<String, Account> accounts;

  public Accounts(HazelcastInstance grid) {
    this.accounts = new GridMaps(grid).accounts();
  }

  /** The Compact serializer of accounts. */
  public static List<CompactSerializer<?>> serializers() {
    return List.of(new AccountSerializer());
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
