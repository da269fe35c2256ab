package dev.gridcommerce.api.account;

import dev.gridcommerce.domain.account.Role;
import java.util.Set;

/** Who is calling, as their access token says. */
public record Caller(String userId, String email, Set<Role> roles, Set<String> storeIds) {

  public Caller {
    roles = Set.copyOf(roles);
    storeIds = Set.copyOf(storeIds);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }
}
