package dev.gridcommerce.domain.account;

/** What an account may do: shop, work in dark stores, or run the whole system. */
public enum Role {
  SHOPPER,
  STAFF,
  ADMIN
}
