package dev.gridcommerce.domain.account;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A person who signs in. Staff accounts are bound to the dark stores in {@code storeIds}. The
 * password is kept only as a one-way hash.
 */
public record Account(
    String userId,
    String email,
    String name,
    String passwordHash,
    Set<Role> roles,
    Set<String> storeIds,
    Instant createdAt) {

  public Account {
    Objects.requireNonNull(userId, "userId");
    email = normalizeEmail(email);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(createdAt, "createdAt");
    roles = Set.copyOf(roles);
    storeIds = Set.copyOf(storeIds);
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("an account has at least one role");
    }
  }

  /** Emails are compared case-insensitively and without surrounding blanks. */
  public static String normalizeEmail(String email) {
    Objects.requireNonNull(email, "email");
    return email.strip().toLowerCase(Locale.ROOT);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }
}
