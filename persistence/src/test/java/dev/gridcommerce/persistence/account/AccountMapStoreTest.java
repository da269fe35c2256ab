package dev.gridcommerce.persistence.account;

import dev.gridcommerce.domain.account.Account;
import dev.gridcommerce.domain.account.Role;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.MapStoreContract;
import dev.gridcommerce.persistence.PostgresMapStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

class AccountMapStoreTest extends MapStoreContract<String, Account> {

  private int next;

  @Override
  protected PostgresMapStore<String, Account> storeOver(Database database) {
    return new AccountMapStore(database);
  }

  @Override
  protected Map<String, Account> sampleEntries(int count) {
    Map<String, Account> sample = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      int n = next++;
      Account account =
          new Account(
              "user-" + n,
              "person" + n + "@example.com",
              "Person " + n,
              "$2a$10$hash" + n,
              Set.of(Role.STAFF, Role.SHOPPER),
              Set.of("berlin-mitte", "berlin-kreuzberg"),
              Instant.parse("2026-11-21T12:00:00.456Z"));
      sample.put(account.email(), account);
    }
    return sample;
  }

  @Override
  protected String countSql() {
    return "SELECT count(*) FROM accounts";
  }
}
