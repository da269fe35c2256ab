package dev.gridcommerce.bench.catalog;

import dev.gridcommerce.bench.support.GridBenchmark;
import dev.gridcommerce.bench.support.PostgresReader;
import dev.gridcommerce.demo.DemoCatalog;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.catalog.ProductStats;
import dev.gridcommerce.persistence.testing.TestDatabase;
import dev.gridcommerce.search.CatalogIndex;
import dev.gridcommerce.search.CatalogSuggester;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Proves how long a search-box suggestion takes ({@code GET /api/v1/products/suggest}) over 100,000
 * generated products with sales figures: the latency distribution (JMH's sample mode, p50 to p99.9)
 * of the API node's {@link CatalogSuggester}, for a short prefix ({@code or}), a longer one ({@code
 * choco}), a typo ({@code chocolste}), and two words ({@code organic mi}). The setup also reports
 * how long a rebuild of the suggester takes.
 *
 * <p>Peer {@code postgresPrefix}: the same products in PostgreSQL with their units sold; the 8 most
 * sold names starting with the prefix, by a {@code text_pattern_ops} index on {@code lower(name)}.
 * It has no typo tolerance and no completion from a name's later words (those need pg_trgm and a
 * scan); its {@code typo} query finds nothing.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SuggestBenchmark extends GridBenchmark {

  private static final int PRODUCTS = 100_000;
  private static final int SIZE = 8;

  @State(Scope.Benchmark)
  public static class Query {
    @Param({"short", "long", "typo", "twoWords"})
    public String query;

    String prefix() {
      return switch (query) {
        case "short" -> "or";
        case "long" -> "choco";
        case "typo" -> "chocolste";
        case "twoWords" -> "organic mi";
        default -> throw new IllegalArgumentException(query);
      };
    }
  }

  private static List<Product> products() {
    return DemoCatalog.generate(42, PRODUCTS).products();
  }

  private static long unitsSold(int index) {
    return new SplittableRandom(index).nextLong(1_000);
  }

  @State(Scope.Benchmark)
  public static class Lucene {
    CatalogIndex index;
    CatalogSuggester suggester;

    @Setup(Level.Trial)
    public void build() {
      index = new CatalogIndex();
      List<Product> products = products();
      for (int i = 0; i < products.size(); i++) {
        index.stats(products.get(i).sku(), new ProductStats(unitsSold(i), 0, 0, 0), null);
      }
      index.indexAll(products);
      suggester = new CatalogSuggester(index);
      long started = System.nanoTime();
      suggester.refresh();
      System.out.printf(
          "%nsuggester built from %d products in %d ms%n",
          products.size(), (System.nanoTime() - started) / 1_000_000);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
      suggester.close();
      index.close();
    }
  }

  @State(Scope.Benchmark)
  public static class Postgres {
    TestDatabase db;

    @Setup(Level.Trial)
    public void load() {
      db = TestDatabase.create(8);
      var jdbc = db.database().jdbc();
      jdbc.execute("CREATE TABLE bench_names (sku text PRIMARY KEY, name text, units_sold bigint)");
      List<Product> products = products();
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < products.size(); i++) {
        rows.add(new Object[] {products.get(i).sku(), products.get(i).name(), unitsSold(i)});
      }
      jdbc.batchUpdate("INSERT INTO bench_names VALUES (?, ?, ?)", rows);
      jdbc.execute("CREATE INDEX bench_names_prefix ON bench_names (lower(name) text_pattern_ops)");
      jdbc.execute("ANALYZE bench_names");
    }

    @TearDown(Level.Trial)
    public void drop() {
      db.close();
    }
  }

  @Benchmark
  public List<CatalogSuggester.Suggestion> lucene(Lucene lucene, Query query) {
    return lucene.suggester.suggest(query.prefix(), SIZE);
  }

  @Benchmark
  public int postgresPrefix(Postgres postgres, Query query, PostgresReader reader)
      throws SQLException {
    int rows = 0;
    try (PreparedStatement statement =
        reader
            .connection(postgres.db)
            .prepareStatement(
                "SELECT name FROM bench_names WHERE lower(name) LIKE ? ORDER BY units_sold DESC"
                    + " LIMIT "
                    + SIZE)) {
      statement.setString(1, query.prefix().toLowerCase(Locale.ROOT) + "%");
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows++;
        }
      }
    }
    return rows;
  }
}
