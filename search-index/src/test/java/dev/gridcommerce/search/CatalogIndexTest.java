package dev.gridcommerce.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.demo.DemoCatalog;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.catalog.ProductStats;
import dev.gridcommerce.search.CatalogPage.FacetCount;
import dev.gridcommerce.search.CatalogPage.Hit;
import dev.gridcommerce.search.CatalogQuery.SortOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogIndexTest {

  private static final DemoCatalog CATALOG = DemoCatalog.standard();
  private static CatalogIndex index;

  @BeforeAll
  static void indexTheDemoCatalog() {
    index = new CatalogIndex();
    index.indexAll(CATALOG.products());
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  private static CatalogQuery query(
      String text, String category, String brand, Long min, Long max, SortOrder sort) {
    return new CatalogQuery(text, category, brand, min, max, sort, 0, 100);
  }

  private static long countWhere(java.util.function.Predicate<Product> filter) {
    return CATALOG.products().stream().filter(filter).count();
  }

  @Test
  void everyProductIsIndexedOnce() {
    assertThat(index.size()).isEqualTo(2_000);
    assertThat(index.search(CatalogQuery.text("")).total()).isEqualTo(2_000);
  }

  @Test
  void wordsMatchTheirStemsAcrossNameBrandAndCategory() {
    CatalogPage page = index.search(CatalogQuery.text("organic apple"));

    long expected = countWhere(p -> p.name().startsWith("Organic Apple"));
    assertThat(page.total()).isEqualTo(expected).isPositive();
    assertThat(page.items()).allSatisfy(hit -> assertThat(hit.name()).startsWith("Organic Apple"));
  }

  @Test
  void categoryFilterKeepsOnlyThatCategoryAndCountsEveryCategorySideways() {
    CatalogPage page = index.search(query("", "Dairy & Eggs", null, null, null, SortOrder.NAME));

    assertThat(page.total()).isEqualTo(countWhere(p -> p.category().equals("Dairy & Eggs")));
    assertThat(page.items())
        .allSatisfy(hit -> assertThat(hit.category()).isEqualTo("Dairy & Eggs"));
    assertThat(page.facets().get(CatalogIndex.CATEGORY)).hasSize(10);
    assertThat(page.facets().get(CatalogIndex.BRAND))
        .allSatisfy(count -> assertThat(count.count()).isPositive())
        .extracting(FacetCount::value)
        .containsExactlyInAnyOrderElementsOf(
            CATALOG.products().stream()
                .filter(p -> p.category().equals("Dairy & Eggs"))
                .map(Product::brand)
                .distinct()
                .toList());
  }

  @Test
  void brandAndPriceRangeNarrowTheHits() {
    Product sample = CATALOG.products().get(42);
    long min = 100;
    long max = 400;

    CatalogPage page = index.search(query("", null, sample.brand(), min, max, SortOrder.PRICE_ASC));

    long expected =
        countWhere(p ->
            p.brand().equals(sample.brand())
                && p.price().amountMinor() >= min
                && p.price().amountMinor() <= max);
    assertThat(page.total()).isEqualTo(expected).isPositive();
    assertThat(page.items())
        .isSortedAccordingTo(Comparator.comparingLong(hit -> hit.price().amountMinor()))
        .allSatisfy(hit -> assertThat(hit.brand()).isEqualTo(sample.brand()));
  }

  @Test
  void pagesDoNotOverlapAndCoverTheTotal() {
    CatalogQuery first = new CatalogQuery("milk", null, null, null, null, SortOrder.NAME, 0, 7);
    CatalogQuery second = new CatalogQuery("milk", null, null, null, null, SortOrder.NAME, 1, 7);

    List<Hit> a = index.search(first).items();
    List<Hit> b = index.search(second).items();

    assertThat(a).hasSize(7).doesNotContainAnyElementsOf(b);
    assertThat(a.getLast().name().compareToIgnoreCase(b.getFirst().name())).isLessThanOrEqualTo(0);
  }

  @Test
  void aQueryThatMatchesNothingIsForgivenATypoPerWordAndSaysSo() {
    CatalogPage typed = index.search(CatalogQuery.text("orgnic mlik"));
    CatalogPage exact = index.search(CatalogQuery.text("organic milk"));

    assertThat(exact.approximate()).isFalse();
    assertThat(exact.total()).isPositive();
    assertThat(typed.approximate()).isTrue();
    assertThat(typed.items())
        .extracting(Hit::sku)
        .containsAll(exact.items().stream().map(Hit::sku).toList());
    CatalogPage nothing = index.search(CatalogQuery.text("xqzvwk"));
    assertThat(nothing.total()).isZero();
    assertThat(nothing.approximate()).as("nothing close either: not called approximate").isFalse();
    CatalogPage soldOut = index.search(CatalogQuery.text("milk"), skus -> java.util.Set.of());
    assertThat(soldOut.total()).isZero();
    assertThat(soldOut.approximate()).as("the words matched; the filter emptied it").isFalse();
    CatalogPage otherBrand =
        index.search(new CatalogQuery("milk", "Snacks", null, null, null, SortOrder.NAME, 0, 10));
    assertThat(otherBrand.total()).isZero();
    assertThat(otherBrand.approximate()).isFalse();
    assertThat(index.search(CatalogQuery.text("mlk")).approximate())
        .as("three letters are too short to guess at")
        .isFalse();
  }

  @Test
  void anInStockSearchKeepsOnlyWhatTheFilterKeepsAndPagesOverThose() {
    List<String> allMilk =
        index.search(query("milk", null, null, null, null, SortOrder.NAME)).items().stream()
            .map(Hit::sku)
            .toList();
    java.util.Set<String> inStock = new java.util.HashSet<>();
    for (int i = 0; i < allMilk.size(); i += 2) {
      inStock.add(allMilk.get(i));
    }
    java.util.Set<String> asked = new java.util.HashSet<>();
    CatalogIndex.StockFilter filter =
        skus -> {
          asked.addAll(skus);
          return inStock;
        };

    CatalogPage first =
        index.search(
            new CatalogQuery("milk", null, null, null, null, SortOrder.NAME, 0, 5), filter);
    CatalogPage second =
        index.search(
            new CatalogQuery("milk", null, null, null, null, SortOrder.NAME, 1, 5), filter);

    assertThat(asked).containsExactlyInAnyOrderElementsOf(allMilk);
    assertThat(first.total()).isEqualTo(inStock.size()).isLessThan(allMilk.size());
    assertThat(java.util.stream.Stream.concat(first.items().stream(), second.items().stream()))
        .extracting(Hit::sku)
        .containsExactly(
            allMilk.get(0),
            allMilk.get(2),
            allMilk.get(4),
            allMilk.get(6),
            allMilk.get(8),
            allMilk.get(10),
            allMilk.get(12),
            allMilk.get(14),
            allMilk.get(16),
            allMilk.get(18));
  }

  @Test
  void typoWithFuzzyOperatorAndPrefixBothFind() {
    assertThat(index.search(CatalogQuery.text("tomatos~1")).total()).isPositive();
    assertThat(index.search(CatalogQuery.text("croiss*")).total())
        .isEqualTo(countWhere(p -> p.name().contains("Croissants")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"((", "\"unterminated", "-", "*", "~~~", "AND OR NOT"})
  void malformedUserInputNeverFails(String text) {
    assertThat(index.search(CatalogQuery.text(text))).isNotNull();
  }

  @Test
  void reindexedProductReplacesItsDocumentAndRemovedOneDisappears() throws Exception {
    try (CatalogIndex small = new CatalogIndex()) {
      Product tea =
          new Product(
              "TEA-1", "Green Tea", "Tea Garden", "Beverages", "", Money.of(299, "EUR"), Map.of());
      small.indexAll(List.of(tea));

      small.index(
          new Product(
              "TEA-1",
              "Jasmine Tea",
              "Tea Garden",
              "Beverages",
              "",
              Money.of(349, "EUR"),
              Map.of()));
      small.refresh();

      assertThat(small.search(CatalogQuery.text("green")).total()).isZero();
      assertThat(small.search(CatalogQuery.text("jasmine")).items())
          .containsExactly(
              new Hit(
                  "TEA-1",
                  "Jasmine Tea",
                  "Tea Garden",
                  "Beverages",
                  Money.of(349, "EUR"),
                  null,
                  0.0,
                  0));

      small.remove("TEA-1");
      small.refresh();
      assertThat(small.size()).isZero();
      assertThat(small.search(CatalogQuery.text("tea")).total()).isZero();
    }
  }

  @Test
  void sortingByRatingPutsTheBestRatedFirstAndTheUnratedLast() throws Exception {
    try (CatalogIndex small = new CatalogIndex()) {
      List<Product> teas =
          List.of(
              new Product(
                  "TEA-1", "Green Tea", "T", "Beverages", "", Money.of(299, "EUR"), Map.of()),
              new Product(
                  "TEA-2", "Black Tea", "T", "Beverages", "", Money.of(299, "EUR"), Map.of()),
              new Product(
                  "TEA-3", "White Tea", "T", "Beverages", "", Money.of(299, "EUR"), Map.of()),
              new Product(
                  "TEA-4", "Mint Tea", "T", "Beverages", "", Money.of(299, "EUR"), Map.of()));
      small.indexAll(teas);
      small.stats("TEA-1", new ProductStats(0, 2, 8, 1), teas.get(0)); // 4.0 from 2
      small.stats("TEA-2", new ProductStats(0, 1, 5, 1), teas.get(1)); // 5.0 from 1
      small.stats("TEA-3", new ProductStats(0, 4, 16, 1), teas.get(2)); // 4.0 from 4
      small.refresh();

      CatalogPage page =
          small.search(
              new CatalogQuery(
                  "tea", null, null, null, null, CatalogQuery.SortOrder.RATING, 0, 10));

      assertThat(page.items())
          .extracting(Hit::sku)
          .containsExactly("TEA-2", "TEA-3", "TEA-1", "TEA-4");
      assertThat(page.items().getFirst().ratingAverage()).isEqualTo(5.0);
      assertThat(page.items().get(1).ratingCount()).isEqualTo(4);
    }
  }
}
