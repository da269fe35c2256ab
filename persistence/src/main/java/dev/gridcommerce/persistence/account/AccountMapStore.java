package dev.gridcommerce.persistence.account;

import dev.gridcommerce.domain.account.Account;
import dev.gridcommerce.domain.account.Role;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.TextKeyMapStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps the {@code accounts} map (normalized email → account) in the {@code accounts} table.
 * Accounts load one by one at sign-in; none are loaded when a member starts.
 */
public final class AccountMapStore extends TextKeyMapStore<Account> {

  private static final String UPSERT =
      """
      INSERT INTO accounts (user_id, email, name, password_hash, roles, store_ids, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (email) DO UPDATE SET
        name = EXCLUDED.name, password_hash = EXCLUDED.password_hash,
        roles = EXCLUDED.roles, store_ids = EXCLUDED.store_ids
      """;

  public AccountMapStore() {
    this(null);
  }

  public AccountMapStore(Database database) {
    super(database, "accounts", "accounts", "email");
  }

  @Override
  protected void upsert(Map<String, Account> entries) {
    batch(
        UPSERT,
        entries.values(),
        (statement, account) -> {
          statement.setString(1, account.userId());
          statement.setString(2, account.email());
          statement.setString(3, account.name());
          statement.setString(4, account.passwordHash());
          statement.setArray(
              5, textArray(statement, account.roles().stream().map(Role::name).sorted().toList()));
          statement.setArray(
              6, textArray(statement, account.storeIds().stream().sorted().toList()));
          statement.setObject(7, utc(account.createdAt()));
        });
  }

  @Override
  protected Account read(ResultSet row) throws SQLException {
    return account(row);
  }

  /** An account of one row of the {@code accounts} table. */
  static Account account(ResultSet row) throws SQLException {
    return new Account(
        row.getString("user_id"),
        row.getString("email"),
        row.getString("name"),
        row.getString("password_hash"),
        strings(row, "roles").stream().map(Role::valueOf).collect(Collectors.toSet()),
        Set.copyOf(strings(row, "store_ids")),
        instant(row, "created_at"));
  }

  /** None: accounts load on demand. */
  @Override
  protected List<String> keysToLoad() {
    return null;
  }
}
