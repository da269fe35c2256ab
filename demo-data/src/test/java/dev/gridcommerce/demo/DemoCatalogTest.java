package dev.gridcommerce.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.catalog.Product;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoCatalogTest {

  @Test
  void sameSeedGivesTheSameCatalog() {
    assertThat(DemoCatalog.generate(7, 500)).isEqualTo(DemoCatalog.generate(7, 500));
    assertThat(DemoCatalog.generate(7, 500)).isNotEqualTo(DemoCatalog.generate(8, 500));
  }

  @Test
  void standardCatalogHasTwoThousandUniqueProductsInTenCategoriesAndThreeStores() {
    DemoCatalog catalog = DemoCatalog.standard();

    assertThat(catalog.products()).hasSize(2_000);
    assertThat(catalog.products().stream().map(Product::sku).distinct()).hasSize(2_000);
    assertThat(catalog.products().stream().map(Product::name).distinct()).hasSize(2_000);
    assertThat(catalog.products().stream().map(Product::category).distinct()).hasSize(10);
    assertThat(catalog.products().stream().map(Product::brand).distinct().count())
        .isGreaterThan(20);
    assertThat(catalog.stores()).hasSize(3);
    assertThat(catalog.stock()).hasSize(3 * 2_000);
  }

  @Test
  void mostProductsAreInStockAndSomeAreNot() {
    var counts =
        DemoCatalog.standard().stock().values().stream()
            .collect(Collectors.partitioningBy(units -> units > 0, Collectors.counting()));

    assertThat(counts.get(true)).isGreaterThan(5_000);
    assertThat(counts.get(false)).isGreaterThan(100);
  }
}
