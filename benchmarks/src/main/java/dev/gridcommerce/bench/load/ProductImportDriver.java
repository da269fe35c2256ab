package dev.gridcommerce.bench.load;

import dev.gridcommerce.demo.DemoCatalog;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.persistence.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proves how fast a bulk import of products goes through a running API node ({@code POST
 * /api/v1/admin/products/import}, JSON lines) into the grid, and how soon the node's search finds
 * all of them: generates {@code --products} products (the demo generator, skus prefixed {@code
 * IMP}, so the demo's own stay as they are), posts them in one request as ADMIN, and reports the
 * import's own report, its wall time, and the time until {@code GET /api/v1/products} counts them
 * all.
 *
 * <p>Peer, in the same run: the same rows written straight into a fresh PostgreSQL database with
 * JDBC batches of 1,000 (what a loader that skipped the grid and the search index would take).
 *
 * <pre>java -cp … dev.gridcommerce.bench.load.ProductImportDriver [--url http://localhost:8080]
 *     [--products 100000]</pre>
 */
public final class ProductImportDriver {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public static void main(String[] args) throws Exception {
    Map<String, String> options = LoadSupport.options(args);
    String url = options.getOrDefault("url", "http://localhost:8080");
    int count = Integer.parseInt(options.getOrDefault("products", "100000"));
    LoadSupport load = new LoadSupport(new Http(url), 1, "import");
    String admin = load.adminLogin();
    List<Product> products = products(count);
    StringBuilder lines = new StringBuilder(count * 300);
    for (Product product : products) {
      lines.append(JSON.writeValueAsString(line(product))).append('\n');
    }
    long before = searchable(load);

    long started = System.nanoTime();
    Http.Response report =
        load.http()
            .postRaw(
                "/api/v1/admin/products/import",
                admin,
                "application/x-ndjson",
                lines.toString(),
                Duration.ofMinutes(10));
    double importSeconds = (System.nanoTime() - started) / 1e9;
    if (report.status() != 200) {
      throw new IllegalStateException("import answered " + report.status() + ": " + report.body());
    }
    long imported = report.body().get("imported").asLong();
    long target = before + imported;
    while (searchable(load) < target) {
      Thread.sleep(50);
    }
    double searchableSeconds = (System.nanoTime() - started) / 1e9;

    double jdbcSeconds = straightIntoPostgres(products);
    System.out.printf(
        """
        | products | imported | refused | import (s) | products/s | all searchable after (s) \
        | peer: JDBC batches into PostgreSQL (s) |
        |---:|---:|---:|---:|---:|---:|---:|
        | %,d | %,d | %,d | %.1f | %,.0f | %.1f | %.1f |
        """,
        count,
        imported,
        report.body().get("refused").asLong(),
        importSeconds,
        imported / importSeconds,
        searchableSeconds,
        jdbcSeconds);
  }

  /**
   * How many products the node's search counts. A product imported again (a second run) was already
   * counted, so a rerun waits for nothing new: run it on a fresh demo.
   */
  private static long searchable(LoadSupport load) {
    return load.http().get("/api/v1/products?size=1", null).body().get("total").asLong();
  }

  private static List<Product> products(int count) {
    List<Product> products = new ArrayList<>(count);
    for (Product p : DemoCatalog.generate(7, count).products()) {
      products.add(
          new Product(
              "IMP" + p.sku(),
              p.name(),
              p.brand(),
              p.category(),
              p.description(),
              p.price(),
              p.attributes(),
              p.taxClass(),
              null));
    }
    return products;
  }

  private static Map<String, Object> line(Product product) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("sku", product.sku());
    line.put("name", product.name());
    line.put("brand", product.brand());
    line.put("category", product.category());
    line.put("description", product.description());
    line.put(
        "price",
        Map.of("amount", product.price().amountMinor(), "currency", product.price().currency()));
    line.put("taxClass", product.taxClass().name());
    line.put("attributes", product.attributes());
    return line;
  }

  private static double straightIntoPostgres(List<Product> products) {
    try (TestDatabase db = TestDatabase.create(2)) {
      var jdbc = db.database().jdbc();
      long started = System.nanoTime();
      List<Object[]> batch = new ArrayList<>(1_000);
      for (Product p : products) {
        batch.add(
            new Object[] {
              p.sku(),
              p.name(),
              p.brand(),
              p.category(),
              p.description(),
              p.price().amountMinor(),
              p.price().currency(),
              p.taxClass().name()
            });
        if (batch.size() == 1_000) {
          insert(jdbc, batch);
        }
      }
      insert(jdbc, batch);
      return (System.nanoTime() - started) / 1e9;
    }
  }

  private static void insert(
      org.springframework.jdbc.core.JdbcTemplate jdbc, List<Object[]> batch) {
    jdbc.batchUpdate(
        "INSERT INTO products (sku, name, brand, category, description, price_minor, currency,"
            + " attribute_names, attribute_values, tax_class)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, '{}', '{}', ?)"
            + " ON CONFLICT (sku) DO NOTHING",
        batch);
    batch.clear();
  }
}
