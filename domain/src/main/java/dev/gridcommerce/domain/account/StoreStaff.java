package dev.gridcommerce.domain.account;

import java.util.List;
import java.util.Objects;

/** The emails of a dark store's staff accounts: who gets the store's alerts. */
public record StoreStaff(String storeId, List<String> emails) {

  public StoreStaff {
    Objects.requireNonNull(storeId, "storeId");
    emails = List.copyOf(emails);
  }
}
