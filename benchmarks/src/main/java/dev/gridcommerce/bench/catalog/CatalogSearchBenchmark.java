package dev.gridcommerce.bench.catalog;

import dev.gridcommerce.bench.support.GridBenchmark;
import dev.gridcommerce.bench.support.PostgresReader;
import dev.gridcommerce.demo.DemoCatalog;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.persistence.testing.TestDatabase;
import dev.gridcommerce.search.CatalogIndex;
import dev.gridcommerce.search.CatalogPage;
import dev.gridcommerce.search.CatalogQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Proves how many catalog searches per second an API node's in-memory Lucene index answers over
 * 100,000 generated products, each with the first page (20 hits) and the category and brand facet
 * counts, as {@code GET /api/v1/products} needs. Queries: a term ({@code milk}), two terms ({@code
 * organic milk}), a prefix ({@code choc*}), a typo with fuzzy matching ({@code tomatos~1}), and a
 * term within a category and a price range.
 *
 * <p>Peer {@code postgresFullText}: the same products in PostgreSQL with an English {@code
 * tsvector} under a GIN index; the page of hits ranked by {@code ts_rank}, plus the two facet
 * counts by {@code GROUP BY}, in one round trip. PostgreSQL has no fuzzy matching without an
 * extension: the typo query falls back to {@code ILIKE '%tomat%'}, a scan.
 */
public class CatalogSearchBenchmark extends GridBenchmark {

  private static final int PRODUCTS = 100_000;

  /** Which query the run asks. */
  @State(Scope.Benchmark)
  public static class Query {
    @Param({"term", "twoTerms", "prefix", "fuzzy", "filtered"})
    public String query;
  }

  private static List<Product> products() {
    return DemoCatalog.generate(42, PRODUCTS).products();
  }

  @State(Scope.Benchmark)
  public static class Lucene {
    CatalogIndex index;
    CatalogQuery luceneQuery;

    @Setup(Level.Trial)
    public void build(Query query) {
      index = new CatalogIndex();
      index.indexAll(products());
      luceneQuery =
          switch (query.query) {
            case "term" -> CatalogQuery.text("milk");
            case "twoTerms" -> CatalogQuery.text("organic milk");
            case "prefix" -> CatalogQuery.text("choc*");
            case "fuzzy" -> CatalogQuery.text("tomatos~1");
            case "filtered" ->
                new CatalogQuery(
                    "pasta", "Pantry", null, 100L, 500L, CatalogQuery.SortOrder.RELEVANCE, 0, 20);
            default -> throw new IllegalArgumentException(query.query);
          };
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
      index.close();
    }
  }

  @State(Scope.Benchmark)
  public static class Postgres {
    TestDatabase db;
    String sql;
    String argument;

    @Setup(Level.Trial)
    public void load(Query query) {
      db = TestDatabase.create(8);
      var jdbc = db.database().jdbc();
      jdbc.execute(
          "CREATE TABLE bench_products (sku text PRIMARY KEY, name text, brand text, category text,"
              + " description text, price bigint, doc tsvector)");
      List<Object[]> rows = new ArrayList<>();
      for (Product p : products()) {
        rows.add(
            new Object[] {
              p.sku(), p.name(), p.brand(), p.category(), p.description(), p.price().amountMinor()
            });
      }
      jdbc.batchUpdate(
          "INSERT INTO bench_products (sku, name, brand, category, description, price) VALUES (?, ?, ?, ?, ?, ?)",
          rows);
      jdbc.execute(
          "UPDATE bench_products SET doc = setweight(to_tsvector('english', name), 'A')"
              + " || setweight(to_tsvector('english', brand || ' ' || category), 'B')"
              + " || setweight(to_tsvector('english', description), 'C')");
      jdbc.execute("CREATE INDEX bench_products_doc ON bench_products USING gin (doc)");
      jdbc.execute("ANALYZE bench_products");
      String tsquery =
          query.query.equals("prefix")
              ? "to_tsquery('english', ?)"
              : "plainto_tsquery('english', ?)";
      String where =
          switch (query.query) {
            case "fuzzy" -> "p.name ILIKE ?";
            case "filtered" ->
                "p.doc @@ q.q AND p.category = 'Pantry' AND p.price BETWEEN 100 AND 500";
            default -> "p.doc @@ q.q";
          };
      argument =
          switch (query.query) {
            case "term" -> "milk";
            case "twoTerms" -> "organic milk";
            case "prefix" -> "choc:*";
            case "fuzzy" -> "%tomat%";
            case "filtered" -> "pasta";
            default -> throw new IllegalArgumentException(query.query);
          };
      String from =
          query.query.equals("fuzzy")
              ? "bench_products p, (SELECT NULL::tsquery AS q) q"
              : "bench_products p, (SELECT " + tsquery + " AS q) q";
      sql =
          """
          WITH hits AS (SELECT p.sku, p.brand, p.category, coalesce(ts_rank(p.doc, q.q), 0) AS rank
                        FROM %s WHERE %s)
          (SELECT 'hit' AS kind, sku AS value, rank AS n FROM hits ORDER BY rank DESC, sku LIMIT 20)
          UNION ALL SELECT 'category', category, count(*) FROM hits GROUP BY category
          UNION ALL SELECT 'brand', brand, count(*) FROM hits GROUP BY brand
          """
              .formatted(from, where);
    }

    @TearDown(Level.Trial)
    public void drop() {
      db.close();
    }
  }

  @Benchmark
  public CatalogPage lucene(Lucene lucene) {
    return lucene.index.search(lucene.luceneQuery);
  }

  @Benchmark
  public int postgresFullText(Postgres postgres, PostgresReader reader) throws SQLException {
    int rows = 0;
    try (PreparedStatement statement =
        reader.connection(postgres.db).prepareStatement(postgres.sql)) {
      statement.setString(1, postgres.argument);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows++;
        }
      }
    }
    return rows;
  }
}
