package dev.gridcommerce.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.catalog.ProductStats;
import dev.gridcommerce.search.CatalogSuggester.Kind;
import dev.gridcommerce.search.CatalogSuggester.Suggestion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogSuggesterTest {

  private static final Product MILK =
      product("DAI-1", "Organic Whole Milk", "Alpenhof", "Dairy & Eggs");
  private static final Product MILKSHAKE =
      product("DAI-2", "Milkshake Vanilla", "Shakeit", "Dairy & Eggs");
  private static final Product MINT = product("SNA-1", "Mint Chocolate", "Mildred's", "Snacks");

  private CatalogIndex index;
  private CatalogSuggester suggester;

  private static Product product(String sku, String name, String brand, String category) {
    return new Product(sku, name, brand, category, "", Money.of(199, "EUR"), Map.of());
  }

  @BeforeEach
  void index() {
    index = new CatalogIndex();
    index.indexAll(List.of(MILK, MILKSHAKE, MINT));
    suggester = new CatalogSuggester(index);
    assertThat(suggester.refresh()).isTrue();
  }

  @AfterEach
  void close() throws Exception {
    suggester.close();
    index.close();
  }

  private List<String> texts(String prefix) {
    return suggester.suggest(prefix, 10).stream().map(Suggestion::text).toList();
  }

  @Test
  void aPrefixCompletesNamesFromAnyOfTheirFirstWordsAndBrandsAndCategories() {
    assertThat(texts("mil")).contains("Organic Whole Milk", "Milkshake Vanilla", "Mildred's");
    assertThat(texts("dair")).containsExactly("Dairy & Eggs");
    assertThat(suggester.suggest("dair", 10).getFirst().kind()).isEqualTo(Kind.CATEGORY);
    assertThat(suggester.suggest("whole m", 10).getFirst().sku()).isEqualTo("DAI-1");
    assertThat(texts("  ")).isEmpty();
  }

  @Test
  void oneTypoIsForgiven() {
    assertThat(texts("mlik")).contains("Organic Whole Milk"); // two letters swapped
    assertThat(texts("chocolste")).contains("Mint Chocolate"); // one letter wrong
    assertThat(texts("chxcxlate")).isEmpty(); // two wrong
  }

  @Test
  void moreUnitsSoldRankFirstThenWhatWasTypedExactly() {
    assertThat(texts("milk")).first().isEqualTo("Milkshake Vanilla"); // shorter key first, no sales

    index.stats("DAI-1", new ProductStats(40, 0, 0, 0), MILK);
    index.stats("DAI-2", new ProductStats(3, 0, 0, 0), MILKSHAKE);
    assertThat(suggester.refresh()).isTrue();

    // a typo ("Mildred's") comes after the exact matches, which go by units sold
    assertThat(texts("milk"))
        .containsExactly("Organic Whole Milk", "Milkshake Vanilla", "Mildred's");
    assertThat(suggester.suggest("d", 10).getFirst().unitsSold()).isEqualTo(43); // the category
    assertThat(suggester.refresh()).as("nothing changed since").isFalse();
  }

  @Test
  void aProductLeavingTheCatalogLeavesTheSuggestions() {
    index.remove("SNA-1");
    suggester.refresh();

    assertThat(texts("mint")).isEmpty();
    assertThat(texts("snack")).isEmpty();
  }

  @Test
  void anExactCompletionIsNeverCrowdedOutByManyOneTypoAway() throws Exception {
    try (CatalogIndex crowded = new CatalogIndex()) {
      List<Product> products = new java.util.ArrayList<>();
      for (int i = 0; i < 300; i++) {
        products.add(
            product("HOU-%03d".formatted(i), "Organic Dish Soap No. " + i, "Clean", "Home"));
      }
      products.add(product("DAI-9", "Organic Milk", "Alpenhof", "Dairy & Eggs"));
      crowded.indexAll(products);
      CatalogSuggester crowdedSuggester = new CatalogSuggester(crowded);
      crowdedSuggester.refresh();

      // "organic di…" is one typo from "organic mi", 300 times, all as (un)popular
      assertThat(crowdedSuggester.suggest("organic mi", 5))
          .first()
          .extracting(Suggestion::sku)
          .isEqualTo("DAI-9");
      assertThat(crowdedSuggester.suggest("organic di", 5)).hasSize(5);
      crowdedSuggester.close();
    }
  }
}
