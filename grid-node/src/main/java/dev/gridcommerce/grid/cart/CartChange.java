package dev.gridcommerce.grid.cart;

/** What asking to change a cart came to. */
public sealed interface CartChange {

  record Updated(PricedCart cart) implements CartChange {}

  /** No voucher has the code; the cart is unchanged. */
  record UnknownVoucher(String code) implements CartChange {}

  /** The store reserves on add-to-cart and has only {@code available} units for this cart. */
  record Short(String sku, int requested, int available) implements CartChange {}

  /** The catalog doesn't sell the product; nothing changed. */
  record UnknownProduct(String sku) implements CartChange {}

  /** No dark store has that id; nothing changed. */
  record UnknownStore(String storeId) implements CartChange {}
}
