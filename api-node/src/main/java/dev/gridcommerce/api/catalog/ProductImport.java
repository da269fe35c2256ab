package dev.gridcommerce.api.catalog;

import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.grid.catalog.Catalog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * A bulk import of products, read as a stream: each line (a JSON object, or a CSV record under a
 * header row) is checked on its own, so a bad line is reported and never blocks the good ones,
 * which are saved to the catalog in chunks of {@value #CHUNK} as they come. Progress is logged
 * every {@value #PROGRESS_EVERY} lines. A sku given twice is saved as its last line gives it.
 *
 * <p>CSV columns: {@code sku, name, brand, category, description, price} (minor units), {@code
 * currency, taxClass, imageUrl}, and one {@code attr:<name>} column per attribute (an empty cell
 * leaves the attribute out).
 */
@Component
class ProductImport {

  static final String NDJSON = "application/x-ndjson";
  static final String JSONL = "application/jsonl";
  static final String CSV = "text/csv";
  static final int CHUNK = 1_000;
  static final int PROGRESS_EVERY = 10_000;

  /** The report lists the first this many line errors; the count covers all of them. */
  static final int ERRORS_LISTED = 1_000;

  private static final Logger log = LoggerFactory.getLogger(ProductImport.class);

  enum Format {
    JSON_LINES,
    CSV
  }

  /**
   * What an import came to: lines read (not counting blank lines or the CSV header), products
   * saved, lines refused, and why (line numbers count from 1, the CSV header included).
   */
  record Report(
      long lines, long imported, long refused, List<LineError> errors, long elapsedMillis) {}

  record LineError(long line, String sku, String message) {}

  private final Catalog catalog;
  private final ObjectMapper json;

  ProductImport(Catalog catalog, ObjectMapper json) {
    this.catalog = catalog;
    this.json = json;
  }

  Report run(InputStream body, Format format) throws IOException {
    Run run = new Run();
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16);
    if (format == Format.CSV) {
      readCsv(reader, run);
    } else {
      readJsonLines(reader, run);
    }
    return run.finish();
  }

  private void readJsonLines(BufferedReader reader, Run run) throws IOException {
    long number = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      ProductInput input;
      try {
        input = json.readValue(line, ProductInput.class);
      } catch (JacksonException notJson) {
        run.refuse(number, null, "not a JSON object of a product: " + notJson.getOriginalMessage());
        continue;
      }
      if (input == null) {
        run.refuse(number, null, "not a JSON object of a product: null");
        continue;
      }
      run.take(number, input);
    }
  }

  private void readCsv(BufferedReader reader, Run run) throws IOException {
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    try (CSVParser parser = CSVParser.parse(reader, format)) {
      List<String> header = parser.getHeaderNames();
      if (!header.contains("sku")) {
        throw ApiProblem.invalid("header", "the first CSV row names the columns, sku among them");
      }
      var records = parser.iterator();
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException | IllegalStateException broken) {
          // a quote left open swallows the rest of the file: report it and stop reading
          run.refuse(parser.getCurrentLineNumber(), null, "unreadable CSV: " + broken.getMessage());
          break;
        }
        long number = record.getRecordNumber() + 1;
        if (!record.isConsistent()) {
          run.refuse(
              number,
              null,
              "has " + record.size() + " cells where the header names " + header.size());
          continue;
        }
        run.take(number, fromCsv(record, header));
      }
    }
  }

  private static ProductInput fromCsv(CSVRecord record, List<String> header) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (String column : header) {
      if (column.startsWith("attr:") && !record.get(column).isEmpty()) {
        attributes.put(column.substring(5), record.get(column));
      }
    }
    Long amount;
    try {
      amount = cell(record, "price") == null ? null : Long.valueOf(cell(record, "price"));
    } catch (NumberFormatException notANumber) {
      amount = null;
    }
    String currency = cell(record, "currency");
    return new ProductInput(
        cell(record, "sku"),
        cell(record, "name"),
        cell(record, "brand"),
        cell(record, "category"),
        cell(record, "description"),
        amount == null && currency == null ? null : new ProductInput.PriceInput(amount, currency),
        cell(record, "taxClass"),
        attributes,
        cell(record, "imageUrl"));
  }

  private static String cell(CSVRecord record, String column) {
    return record.isMapped(column) && !record.get(column).isEmpty() ? record.get(column) : null;
  }

  /** One import's counts and its chunk of products not yet saved. */
  private final class Run {
    private final long started = System.nanoTime();
    private final List<Product> chunk = new ArrayList<>(CHUNK);
    private final List<LineError> errors = new ArrayList<>();
    private long lines;
    private long imported;
    private long refused;

    void take(long number, ProductInput input) {
      ProductInput.Checked checked = input.check(null);
      if (!checked.errors().isEmpty()) {
        refuse(number, input.sku(), ApiProblem.detail(checked.errors()));
        return;
      }
      lines++;
      chunk.add(checked.product());
      if (chunk.size() == CHUNK) {
        save();
      }
      progress();
    }

    void refuse(long number, String sku, String message) {
      lines++;
      refused++;
      if (errors.size() < ERRORS_LISTED) {
        errors.add(new LineError(number, sku, message));
      }
      progress();
    }

    private void progress() {
      if (lines % PROGRESS_EVERY == 0) {
        log.info(
            "product import: {} lines read, {} saved, {} refused, {} s",
            lines,
            imported + chunk.size(),
            refused,
            (System.nanoTime() - started) / 1_000_000_000);
      }
    }

    private void save() {
      catalog.putProducts(chunk);
      imported += chunk.size();
      chunk.clear();
    }

    Report finish() {
      save();
      long millis = (System.nanoTime() - started) / 1_000_000;
      log.info(
          "product import done: {} lines, {} saved, {} refused in {} ms",
          lines,
          imported,
          refused,
          millis);
      return new Report(lines, imported, refused, List.copyOf(errors), millis);
    }
  }
}
