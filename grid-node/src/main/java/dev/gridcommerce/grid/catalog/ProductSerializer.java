package dev.gridcommerce.grid.catalog;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.catalog.TaxClass;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.util.LinkedHashMap;
import java.util.Map;

final class ProductSerializer extends NamedSerializer<Product> {

  ProductSerializer() {
    super("commerce.Product", Product.class);
  }

  @Override
  public Product read(CompactReader in) {
    String[] names = in.readArrayOfString("attributeNames");
    String[] values = in.readArrayOfString("attributeValues");
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      attributes.put(names[i], values[i]);
    }
    return new Product(
        in.readString("sku"),
        in.readString("name"),
        in.readString("brand"),
        in.readString("category"),
        in.readString("description"),
        Money.of(in.readInt64("priceMinor"), in.readString("currency")),
        attributes,
        TaxClass.valueOf(in.readString("taxClass")),
        in.readString("imageUrl"));
  }

  @Override
  public void write(CompactWriter out, Product product) {
    out.writeString("sku", product.sku());
    out.writeString("name", product.name());
    out.writeString("brand", product.brand());
    out.writeString("category", product.category());
    out.writeString("description", product.description());
    out.writeInt64("priceMinor", product.price().amountMinor());
    out.writeString("currency", product.price().currency());
    out.writeArrayOfString("attributeNames", product.attributes().keySet().toArray(String[]::new));
    out.writeArrayOfString("attributeValues", product.attributes().values().toArray(String[]::new));
    out.writeString("taxClass", product.taxClass().name());
    out.writeString("imageUrl", product.imageUrl());
  }
}
