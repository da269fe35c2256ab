package dev.gridcommerce.persistence.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.account.Account;
import dev.gridcommerce.domain.account.Role;
import dev.gridcommerce.persistence.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Accounts read by user id, and a store's staff emails, from what AccountMapStore stored. */
class AccountsByIdLoaderTest {

  private final TestDatabase db = TestDatabase.create();

  @AfterEach
  void drop() {
    db.close();
  }

  private static Account account(String id, String email, Set<Role> roles, Set<String> stores) {
    return new Account(id, email, "Name " + id, "{noop}x", roles, stores, Instant.EPOCH);
  }

  @Test
  void anAccountLoadsByUserIdAndAStoresStaffByStore() {
    new AccountMapStore(db.database())
        .storeAll(
            Map.of(
                "ada@example.com",
                account("u1", "ada@example.com", Set.of(Role.SHOPPER), Set.of()),
                "s1@commerce.local",
                account(
                    "u2", "s1@commerce.local", Set.of(Role.STAFF), Set.of("mitte", "kreuzberg")),
                "s2@commerce.local",
                account("u3", "s2@commerce.local", Set.of(Role.STAFF), Set.of("mitte")),
                "boss@commerce.local",
                account("u4", "boss@commerce.local", Set.of(Role.ADMIN), Set.of("mitte"))));

    AccountsByIdLoader byId = new AccountsByIdLoader(db.database());
    assertThat(byId.load("u1").email()).isEqualTo("ada@example.com");
    assertThat(byId.load("nobody")).isNull();
    AccountsByIdLoader.StoreStaffLoader staff =
        new AccountsByIdLoader.StoreStaffLoader(db.database());
    assertThat(staff.load("mitte").emails())
        .isEqualTo(List.of("s1@commerce.local", "s2@commerce.local"));
    assertThat(staff.load("kreuzberg").emails()).isEqualTo(List.of("s1@commerce.local"));
    assertThat(staff.load("elsewhere")).isNull();
  }
}
