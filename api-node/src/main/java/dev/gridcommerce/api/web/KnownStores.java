package dev.gridcommerce.api.web;

import dev.gridcommerce.grid.catalog.Catalog;

/** The check every store's path makes first: a store id no dark store has is a 404. */
public final class KnownStores {

  private KnownStores() {}

  public static void require(Catalog catalog, String storeId) {
    if (!catalog.hasStore(storeId)) {
      throw ApiProblem.notFound("no dark store has the id '" + storeId + "'");
    }
  }
}
