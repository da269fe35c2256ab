package dev.gridcommerce.domain.account;

/**
 * What an account may do: shop, work in dark stores, deliver from them (a rider, bound to its
 * stores like staff), or run the whole system.
 */
public enum Role {
  SHOPPER,
  STAFF,
  RIDER,
  ADMIN
}
