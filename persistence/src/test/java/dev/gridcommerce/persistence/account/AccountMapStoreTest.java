package dev.gridcommerce.persistence.account;

import dev.gridcommerce.domain.account.Account;
import dev.gridcommerce.domain.account.Role;
import dev.gridcommerce.persistence.MapStoreContract;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

class AccountMapStoreTest extends MapStoreContract<String, Account> {

  AccountMapStoreTest() {
    super(AccountMapStore::new, "accounts");
  }

  @Override
  protected Map.Entry<String, Account> sample(int n) {
    Account account =
        new Account(
            "user-" + n,
            "person" + n + "@example.com",
            "Person " + n,
            "$2a$10$hash" + n,
            Set.of(Role.STAFF, Role.SHOPPER),
            Set.of("berlin-mitte", "berlin-kreuzberg"),
            Instant.parse("2026-11-21T12:00:00.456Z"));
    return Map.entry(account.email(), account);
  }
}
