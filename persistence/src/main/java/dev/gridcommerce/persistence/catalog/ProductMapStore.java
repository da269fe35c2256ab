package dev.gridcommerce.persistence.catalog;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.catalog.TaxClass;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.TextKeyMapStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps the {@code products} map (sku → product) in the {@code products} table. */
public final class ProductMapStore extends TextKeyMapStore<Product> {

  private static final String UPSERT =
      """
      INSERT INTO products (sku, name, brand, category, description, price_minor, currency,
                            attribute_names, attribute_values, tax_class, image_url, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
      ON CONFLICT (sku) DO UPDATE SET
        name = EXCLUDED.name, brand = EXCLUDED.brand, category = EXCLUDED.category,
        description = EXCLUDED.description, price_minor = EXCLUDED.price_minor,
        currency = EXCLUDED.currency, attribute_names = EXCLUDED.attribute_names,
        attribute_values = EXCLUDED.attribute_values, tax_class = EXCLUDED.tax_class,
        image_url = EXCLUDED.image_url, updated_at = now()
      """;

  public ProductMapStore() {
    this(null);
  }

  public ProductMapStore(Database database) {
    super(database, "products", "products", "sku");
  }

  @Override
  protected void upsert(Map<String, Product> entries) {
    batch(
        UPSERT,
        entries.values(),
        (statement, product) -> {
          statement.setString(1, product.sku());
          statement.setString(2, product.name());
          statement.setString(3, product.brand());
          statement.setString(4, product.category());
          statement.setString(5, product.description());
          statement.setLong(6, product.price().amountMinor());
          statement.setString(7, product.price().currency());
          statement.setArray(8, textArray(statement, product.attributes().keySet()));
          statement.setArray(9, textArray(statement, product.attributes().values()));
          statement.setString(10, product.taxClass().name());
          statement.setString(11, product.imageUrl());
        });
  }

  @Override
  protected Product read(ResultSet row) throws SQLException {
    List<String> names = strings(row, "attribute_names");
    List<String> values = strings(row, "attribute_values");
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      attributes.put(names.get(i), values.get(i));
    }
    return new Product(
        row.getString("sku"),
        row.getString("name"),
        row.getString("brand"),
        row.getString("category"),
        row.getString("description"),
        Money.of(row.getLong("price_minor"), row.getString("currency")),
        attributes,
        TaxClass.valueOf(row.getString("tax_class")),
        row.getString("image_url"));
  }

  @Override
  protected List<String> keysToLoad() {
    return database().jdbc().queryForList("SELECT sku FROM products", String.class);
  }
}
