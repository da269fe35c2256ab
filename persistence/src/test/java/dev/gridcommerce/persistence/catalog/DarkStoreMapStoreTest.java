package dev.gridcommerce.persistence.catalog;

import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.DeliveryTerms;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.persistence.MapStoreContract;
import java.util.Map;

class DarkStoreMapStoreTest extends MapStoreContract<String, DarkStore> {

  DarkStoreMapStoreTest() {
    super(DarkStoreMapStore::new, "dark_stores");
  }

  @Override
  protected Map.Entry<String, DarkStore> sample(int n) {
    return Map.entry(
        "store-" + n,
        new DarkStore(
            "store-" + n,
            "Store " + n,
            new GeoPoint(52.5 + n / 100.0, 13.4),
            2.5,
            n % 2 == 0,
            currency(n),
            n % 3 == 0 ? "SE" : "DE",
            n % 2 == 0
                ? DeliveryTerms.free(currency(n))
                : new DeliveryTerms(
                    Money.of(199, currency(n)),
                    n % 4 == 1 ? null : Money.of(3000, currency(n)),
                    Money.of(1000, currency(n)),
                    Money.of(150, currency(n)))));
  }

  private static String currency(int n) {
    return n % 3 == 0 ? "SEK" : "EUR";
  }
}
