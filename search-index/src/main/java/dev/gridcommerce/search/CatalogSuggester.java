package dev.gridcommerce.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup.LookupResult;
import org.apache.lucene.search.suggest.analyzing.FuzzySuggester;
import org.apache.lucene.search.suggest.fst.WFSTCompletionLookup;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Completions for a search box from the catalog index: product names (also from their second and
 * third word on, so "milk" completes "Organic Milk"), brands and categories, by Lucene's {@link
 * FuzzySuggester} and, for the prefixes typed exactly, its {@link WFSTCompletionLookup} (so the
 * exact completions are never crowded out by the many one typo away). A prefix typed right
 * completes exactly; when it has fewer exact completions than asked for, the ones a typo away are
 * added (one edit or a swap of two letters, after its first letter, from its third letter typed).
 * Ranked by popularity (units sold: a product's own, a brand's or category's summed over its
 * products), then relevance: a completion that matches what was typed exactly before one that
 * needed a typo, a category before a brand before a product, a shorter one first.
 *
 * <p>The suggester is an immutable automaton built from a snapshot of the index: {@link #refresh}
 * rebuilds it when the index changed since the last build (an API node calls it every second), and
 * lookups use whichever build is current, so they never wait for one.
 */
public final class CatalogSuggester implements Closeable {

  public static final int MAX_SIZE = 20;

  /**
   * How many more completions than asked for are looked up, for the re-ranking (exact before typo)
   * and for the duplicates (a name found from two of its words).
   */
  private static final int CANDIDATES_BEYOND = 8;

  /** What a completion completes to. */
  public enum Kind {
    CATEGORY,
    BRAND,
    PRODUCT
  }

  /** One completion; {@code sku} names the product of a {@code PRODUCT} completion. */
  public record Suggestion(String text, Kind kind, String sku, long unitsSold) {}

  /**
   * One build: the fuzzy suggester, the exact-prefix one over the same keys (lower-cased), and what
   * each exact key completes to.
   */
  private record Built(
      FuzzySuggester fuzzy,
      WFSTCompletionLookup exact,
      Map<String, Suggestion> byKey,
      long changes) {}

  private record Entry(String key, Suggestion suggestion) {}

  private final CatalogIndex index;
  private final StandardAnalyzer analyzer = new StandardAnalyzer(CharArraySet.EMPTY_SET);
  private volatile Built built;

  public CatalogSuggester(CatalogIndex index) {
    this.index = index;
  }

  /** Rebuilds the suggester if the index changed since its last build; answers whether it did. */
  public synchronized boolean refresh() {
    long changes = index.changes();
    Built current = built;
    if (current != null && current.changes() == changes) {
      return false;
    }
    index.refresh();
    List<Entry> entries = index.read(searcher -> entries(searcher.getIndexReader()));
    Map<String, Suggestion> byKey = new HashMap<>();
    for (Entry entry : entries) {
      byKey.merge(
          entry.key().toLowerCase(Locale.ROOT),
          entry.suggestion(),
          (a, b) -> a.unitsSold() >= b.unitsSold() ? a : b);
    }
    List<Entry> exactEntries = new ArrayList<>(byKey.size());
    byKey.forEach((key, suggestion) -> exactEntries.add(new Entry(key, suggestion)));
    try {
      FuzzySuggester fuzzy = new FuzzySuggester(new ByteBuffersDirectory(), "suggest", analyzer);
      fuzzy.build(new Entries(entries, true));
      WFSTCompletionLookup exact = new WFSTCompletionLookup(new ByteBuffersDirectory(), "exact");
      exact.build(new Entries(exactEntries, false));
      built = new Built(fuzzy, exact, byKey, changes);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Up to {@code size} completions of {@code prefix} (none for a blank one). */
  public List<Suggestion> suggest(String prefix, int size) {
    Built current = built;
    String typed = prefix == null ? "" : prefix.strip();
    if (current == null || typed.isEmpty()) {
      return List.of();
    }
    String lower = typed.toLowerCase(Locale.ROOT);
    int wanted = size + CANDIDATES_BEYOND;
    Map<String, Suggestion> distinct = new LinkedHashMap<>();
    Map<String, Boolean> exact = new HashMap<>();
    for (LookupResult result : current.exact().lookup(lower, null, false, wanted)) {
      add(distinct, exact, current.byKey().get(result.key.toString()), true);
    }
    if (distinct.size() >= size) {
      return ranked(distinct, exact, size);
    }
    List<LookupResult> fuzzy;
    try {
      fuzzy = current.fuzzy().lookup(typed, false, wanted);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (LookupResult result : fuzzy) {
      add(
          distinct,
          exact,
          decode(result.payload),
          result.key.toString().toLowerCase(Locale.ROOT).startsWith(lower));
    }
    return ranked(distinct, exact, size);
  }

  private static List<Suggestion> ranked(
      Map<String, Suggestion> distinct, Map<String, Boolean> exact, int size) {
    return distinct.entrySet().stream()
        .sorted(
            Comparator.<Map.Entry<String, Suggestion>>comparingLong(e -> -e.getValue().unitsSold())
                .thenComparing(e -> !exact.get(e.getKey()))
                .thenComparing(e -> e.getValue().kind())
                .thenComparingInt(e -> e.getValue().text().length())
                .thenComparing(e -> e.getValue().text()))
        .limit(size)
        .map(Map.Entry::getValue)
        .toList();
  }

  private static void add(
      Map<String, Suggestion> distinct,
      Map<String, Boolean> exact,
      Suggestion suggestion,
      boolean matchesExactly) {
    String key = suggestion.kind() + "|" + suggestion.text().toLowerCase(Locale.ROOT);
    distinct.putIfAbsent(key, suggestion);
    exact.merge(key, matchesExactly, Boolean::logicalOr);
  }

  private static List<Entry> entries(IndexReader reader) throws IOException {
    List<Entry> entries = new ArrayList<>();
    Map<String, Long> brands = new HashMap<>();
    Map<String, Long> categories = new HashMap<>();
    Set<String> fields =
        Set.of(
            CatalogIndex.SKU,
            CatalogIndex.NAME,
            CatalogIndex.BRAND,
            CatalogIndex.CATEGORY,
            CatalogIndex.UNITS_SOLD);
    for (LeafReaderContext leaf : reader.leaves()) {
      StoredFields stored = leaf.reader().storedFields();
      Bits live = leaf.reader().getLiveDocs();
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        Document product = stored.document(doc, fields);
        long sold = product.getField(CatalogIndex.UNITS_SOLD).numericValue().longValue();
        String name = product.get(CatalogIndex.NAME);
        Suggestion suggestion =
            new Suggestion(name, Kind.PRODUCT, product.get(CatalogIndex.SKU), sold);
        String[] words = name.split("\\s+");
        for (int from = 0; from < Math.min(3, words.length); from++) {
          entries.add(
              new Entry(String.join(" ", List.of(words).subList(from, words.length)), suggestion));
        }
        brands.merge(product.get(CatalogIndex.BRAND), sold, Long::sum);
        categories.merge(product.get(CatalogIndex.CATEGORY), sold, Long::sum);
      }
    }
    brands.forEach((brand, sold) ->
        entries.add(new Entry(brand, new Suggestion(brand, Kind.BRAND, null, sold))));
    categories.forEach((category, sold) ->
        entries.add(new Entry(category, new Suggestion(category, Kind.CATEGORY, null, sold))));
    return entries;
  }

  private static BytesRef encode(Suggestion suggestion) {
    String sku = suggestion.sku() == null ? "" : suggestion.sku();
    return new BytesRef(
        suggestion.kind().name()
            + '\u001f'
            + sku
            + '\u001f'
            + suggestion.unitsSold()
            + '\u001f'
            + suggestion.text());
  }

  private static Suggestion decode(BytesRef payload) {
    String[] parts = payload.utf8ToString().split("\u001f", 4);
    return new Suggestion(
        parts[3],
        Kind.valueOf(parts[0]),
        parts[1].isEmpty() ? null : parts[1],
        Long.parseLong(parts[2]));
  }

  /** The entries as the suggester builds from them: weighted by units sold, with payloads. */
  private static final class Entries implements InputIterator {
    private final List<Entry> entries;
    private final boolean withPayloads;
    private int next;
    private Entry current;

    Entries(List<Entry> entries, boolean withPayloads) {
      this.entries = entries;
      this.withPayloads = withPayloads;
    }

    @Override
    public BytesRef next() {
      if (next == entries.size()) {
        return null;
      }
      current = entries.get(next++);
      return new BytesRef(current.key().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public long weight() {
      return current.suggestion().unitsSold();
    }

    @Override
    public BytesRef payload() {
      return withPayloads ? encode(current.suggestion()) : null;
    }

    @Override
    public boolean hasPayloads() {
      return withPayloads;
    }

    @Override
    public Set<BytesRef> contexts() {
      return null;
    }

    @Override
    public boolean hasContexts() {
      return false;
    }
  }

  @Override
  public void close() {
    analyzer.close();
  }
}
