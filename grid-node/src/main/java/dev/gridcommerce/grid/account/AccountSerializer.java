package dev.gridcommerce.grid.account;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.account.Account;
import dev.gridcommerce.domain.account.Role;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Compact serializer of accounts; the password travels only as its hash. */
final class AccountSerializer extends NamedSerializer<Account> {

  AccountSerializer() {
    super("commerce.Account", Account.class);
  }

  @Override
  public Account read(CompactReader in) {
    return new Account(
        in.readString("userId"),
        in.readString("email"),
        in.readString("name"),
        in.readString("passwordHash"),
        Arrays.stream(in.readArrayOfString("roles")).map(Role::valueOf).collect(Collectors.toSet()),
        Set.of(in.readArrayOfString("storeIds")),
        instant(in.readInt64("createdAt")));
  }

  @Override
  public void write(CompactWriter out, Account account) {
    out.writeString("userId", account.userId());
    out.writeString("email", account.email());
    out.writeString("name", account.name());
    out.writeString("passwordHash", account.passwordHash());
    out.writeArrayOfString(
        "roles", account.roles().stream().map(Role::name).sorted().toArray(String[]::new));
    out.writeArrayOfString("storeIds", account.storeIds().stream().sorted().toArray(String[]::new));
    out.writeInt64("createdAt", millis(account.createdAt()));
  }
}
