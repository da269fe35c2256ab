package dev.gridcommerce.api.catalog;

import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.grid.catalog.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * ADMIN changes the catalog: {@code PUT /products/{sku}} creates (201) or replaces (200) a product,
 * {@code DELETE /products/{sku}} stops selling it, {@code POST /admin/products/import} takes JSON
 * lines ({@code application/x-ndjson}) or CSV ({@code text/csv}) and answers a report. Every API
 * node's search index follows within a second (it listens to the catalog).
 */
@RestController
class ProductAdminController {

  private final Catalog catalog;
  private final ProductImport importer;

  ProductAdminController(Catalog catalog, ProductImport importer) {
    this.catalog = catalog;
    this.importer = importer;
  }

  @PutMapping("/api/v1/products/{sku}")
  ResponseEntity<ProductController.ProductDetail> put(
      @PathVariable String sku, @RequestBody ProductInput body) {
    ProductInput.Checked checked = body.check(sku);
    if (!checked.errors().isEmpty()) {
      throw ApiProblem.invalid(checked.errors());
    }
    Product product = checked.product();
    boolean replaced = catalog.putProduct(product);
    ProductController.ProductDetail view =
        ProductController.ProductDetail.of(product, null, null, null);
    return replaced
        ? ResponseEntity.ok(view)
        : ResponseEntity.created(URI.create("/api/v1/products/" + sku)).body(view);
  }

  @DeleteMapping("/api/v1/products/{sku}")
  ResponseEntity<Void> delete(@PathVariable String sku) {
    if (!catalog.removeProduct(sku)) {
      throw ApiProblem.notFound("no product has the sku '" + sku + "'");
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping(
      path = "/api/v1/admin/products/import",
      consumes = {
        ProductImport.NDJSON,
        ProductImport.JSONL,
        ProductImport.CSV,
        MediaType.APPLICATION_JSON_VALUE
      })
  ProductImport.Report importProducts(
      @RequestHeader("Content-Type") MediaType contentType, InputStream body) throws IOException {
    ProductImport.Format format =
        contentType.isCompatibleWith(MediaType.parseMediaType(ProductImport.CSV))
            ? ProductImport.Format.CSV
            : ProductImport.Format.JSON_LINES;
    return importer.run(body, format);
  }
}
