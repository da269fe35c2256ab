package dev.gridcommerce.search;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.catalog.ProductStats;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The catalog's full-text index, held in memory by each API node and rebuilt from the grid's {@code
 * products} map at start.
 *
 * <p>Thread-safe: any thread may index while others search. Changes become visible to searches
 * within {@value #MAX_STALE_SECONDS} s (a background thread reopens the searcher), or at once after
 * {@link #refresh()}. Free text is parsed by Lucene's {@link SimpleQueryParser}, which never fails
 * on user input: {@code "pasta sauce"}, {@code "\"olive oil\""}, {@code appl*}, {@code tomatos~1}.
 * Category and brand are facets: their counts are drill-sideways, so choosing a brand still shows
 * the other brands' counts. Words that match no product are tried again forgiving a typo per word
 * (one edit in words of 4 to 7 letters, two in longer ones, against the unstemmed words of name,
 * brand and category), and the page says it is {@code approximate}.
 */
public final class CatalogIndex implements Closeable {

  static final double MAX_STALE_SECONDS = 0.5;
  public static final String CATEGORY = "category";
  public static final String BRAND = "brand";
  private static final int FACET_VALUES = 50;

  static final String SKU = "sku";
  static final String NAME = "name";
  private static final String DESCRIPTION = "description";
  private static final String PRICE = "price";
  private static final String CURRENCY = "currency";
  private static final String NAME_SORT = "name_sort";
  private static final String IMAGE = "image";
  static final String UNITS_SOLD = "units_sold";
  private static final String RATING_TENTHS = "rating_tenths";
  private static final String RATING_COUNT = "rating_count";

  /** Name, brand and category as typed (lower-cased, not stemmed), for forgiving typos. */
  private static final String WORDS = "words";

  private static final int STOCK_CHUNK = 200;
  private static final Map<String, Float> SEARCHED_FIELDS =
      Map.of(NAME, 3f, BRAND, 2f, CATEGORY, 1.5f, DESCRIPTION, 1f);

  private final Analyzer analyzer = new EnglishAnalyzer();
  private final Analyzer wordsAnalyzer = new StandardAnalyzer();
  private final FacetsConfig facetsConfig = new FacetsConfig();
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ControlledRealTimeReopenThread<IndexSearcher> reopener;
  private volatile FacetState facetState;
  private final Map<String, ProductStats> stats = new ConcurrentHashMap<>();
  private final AtomicLong changes = new AtomicLong();

  private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {}

  public CatalogIndex() {
    try {
      writer =
          new IndexWriter(
              directory,
              new IndexWriterConfig(
                  new PerFieldAnalyzerWrapper(analyzer, Map.of(WORDS, wordsAnalyzer))));
      searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    reopener = new ControlledRealTimeReopenThread<>(writer, searchers, MAX_STALE_SECONDS, 0.05);
    reopener.setName("catalog-index-reopen");
    reopener.setDaemon(true);
    reopener.start();
  }

  /** Adds the product, or replaces the document of the same sku. */
  public void index(Product product) {
    try {
      ProductStats known = stats.getOrDefault(product.sku(), ProductStats.NONE);
      writer.updateDocument(
          new Term(SKU, product.sku()), facetsConfig.build(document(product, known)));
      changes.incrementAndGet();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What shoppers did with a product (units sold, ratings): kept for its document, which is indexed
   * again with them when {@code product} (the catalog's, or null if it has none) is given.
   */
  public void stats(String sku, ProductStats productStats, Product product) {
    stats.put(sku, productStats);
    if (product != null) {
      index(product);
    }
  }

  /**
   * Stats read in a snapshot when the index is built: kept unless a change already brought newer
   * ones for the product (the snapshot is read after subscribing to the changes).
   */
  public void initialStats(String sku, ProductStats productStats) {
    stats.putIfAbsent(sku, productStats);
  }

  /** How many changes the index has taken so far: the suggester rebuilds when this moves. */
  long changes() {
    return changes.get();
  }

  /** Reads every searchable product's stored fields, for the suggester. */
  <T> T read(SearcherWork<T> work) {
    return withSearcher(work);
  }

  /** Indexes every product and makes them all searchable before returning. */
  public void indexAll(Collection<Product> products) {
    products.forEach(this::index);
    refresh();
  }

  public void remove(String sku) {
    try {
      changes.incrementAndGet();
      writer.deleteDocuments(new Term(SKU, sku));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes every change so far visible to searches. */
  public void refresh() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The number of searchable products. */
  public int size() {
    return withSearcher(searcher -> searcher.getIndexReader().numDocs());
  }

  /**
   * Which of some skus are in stock (where the index can't know: stock is live data), for a search
   * that shows only those.
   */
  @FunctionalInterface
  public interface StockFilter {
    Set<String> inStock(List<String> skus);
  }

  public CatalogPage search(CatalogQuery query) {
    return search(query, null);
  }

  /**
   * A search that keeps only the hits {@code inStock} keeps (all of them when it is null). The hits
   * are checked in ranked order, up to {@link CatalogQuery#MAX_WINDOW} of them, and the total
   * counts the kept ones among those; facet counts count every match, in stock or not.
   */
  public CatalogPage search(CatalogQuery query, StockFilter inStock) {
    return withSearcher(searcher -> {
      CatalogPage exact = search(searcher, query, textQuery(query), inStock, false);
      // forgiving only words that match no product at all, not a search its filters emptied
      boolean wordsMatchNothing =
          exact.total() == 0 && !query.text().isEmpty() && searcher.count(textQuery(query)) == 0;
      Query forgiving = wordsMatchNothing ? typoTolerantQuery(query.text()) : null;
      if (forgiving == null) {
        return exact;
      }
      CatalogPage approximate = search(searcher, query, forgiving, inStock, true);
      return approximate.total() > 0 ? approximate : exact;
    });
  }

  private CatalogPage search(
      IndexSearcher searcher,
      CatalogQuery query,
      Query text,
      StockFilter inStock,
      boolean approximate)
      throws IOException {
    if (searcher.getIndexReader().numDocs() == 0) {
      return new CatalogPage(0, List.of(), Map.of(CATEGORY, List.of(), BRAND, List.of()));
    }
    DrillDownQuery drillDown = new DrillDownQuery(facetsConfig, withPriceRange(query, text));
    if (query.category() != null) {
      drillDown.add(CATEGORY, query.category());
    }
    if (query.brand() != null) {
      drillDown.add(BRAND, query.brand());
    }
    int window = inStock == null ? (query.page() + 1) * query.size() : CatalogQuery.MAX_WINDOW;
    DrillSideways sideways = new DrillSideways(searcher, facetsConfig, facetState(searcher));
    DrillSideways.DrillSidewaysResult result =
        sideways.search(drillDown, null, null, window, sort(query.sort()), false);
    List<CatalogPage.Hit> hits = new ArrayList<>();
    for (ScoreDoc doc : result.hits.scoreDocs) {
      hits.add(hit(searcher.storedFields().document(doc.doc)));
    }
    long total = searcher.count(drillDown);
    if (inStock != null) {
      hits = keepInStock(hits, inStock);
      total = hits.size();
    }
    int from = Math.min(hits.size(), query.page() * query.size());
    List<CatalogPage.Hit> items = hits.subList(from, Math.min(hits.size(), from + query.size()));
    Map<String, List<CatalogPage.FacetCount>> facets = new LinkedHashMap<>();
    for (String dim : List.of(CATEGORY, BRAND)) {
      facets.put(dim, counts(result.facets.getTopChildren(FACET_VALUES, dim)));
    }
    return new CatalogPage(total, items, facets, approximate);
  }

  private static List<CatalogPage.Hit> keepInStock(
      List<CatalogPage.Hit> hits, StockFilter inStock) {
    List<CatalogPage.Hit> kept = new ArrayList<>();
    for (int from = 0; from < hits.size(); from += STOCK_CHUNK) {
      List<CatalogPage.Hit> chunk = hits.subList(from, Math.min(hits.size(), from + STOCK_CHUNK));
      Set<String> available = inStock.inStock(chunk.stream().map(CatalogPage.Hit::sku).toList());
      chunk.stream().filter(hit -> available.contains(hit.sku())).forEach(kept::add);
    }
    return kept;
  }

  private Query textQuery(CatalogQuery query) {
    return query.text().isEmpty() ? new MatchAllDocsQuery() : parser().parse(query.text());
  }

  /**
   * Every word of {@code text} within a typo of a word of a product's name, brand or category; null
   * when the text has no word long enough to forgive a typo in.
   */
  private Query typoTolerantQuery(String text) {
    List<String> words = new ArrayList<>();
    try (TokenStream tokens = wordsAnalyzer.tokenStream(WORDS, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        words.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (words.stream().allMatch(word -> editsForgiven(word) == 0)) {
      return null;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (String word : words) {
      Term term = new Term(WORDS, word);
      int edits = editsForgiven(word);
      all.add(edits == 0 ? new TermQuery(term) : new FuzzyQuery(term, edits), Occur.MUST);
    }
    return all.build();
  }

  private static int editsForgiven(String word) {
    return word.length() < 4 ? 0 : word.length() < 8 ? 1 : 2;
  }

  private static Query withPriceRange(CatalogQuery query, Query text) {
    if (query.minPriceMinor() == null && query.maxPriceMinor() == null) {
      return text;
    }
    long min = query.minPriceMinor() == null ? Long.MIN_VALUE : query.minPriceMinor();
    long max = query.maxPriceMinor() == null ? Long.MAX_VALUE : query.maxPriceMinor();
    return new BooleanQuery.Builder()
        .add(text, Occur.MUST)
        .add(LongPoint.newRangeQuery(PRICE, min, max), Occur.FILTER)
        .build();
  }

  private SimpleQueryParser parser() {
    SimpleQueryParser parser = new SimpleQueryParser(analyzer, SEARCHED_FIELDS);
    parser.setDefaultOperator(Occur.MUST);
    return parser;
  }

  private static Sort sort(CatalogQuery.SortOrder order) {
    return switch (order) {
      case RELEVANCE -> Sort.RELEVANCE;
      case PRICE_ASC -> new Sort(new SortField(PRICE, SortField.Type.LONG));
      case PRICE_DESC -> new Sort(new SortField(PRICE, SortField.Type.LONG, true));
      case NAME -> new Sort(new SortField(NAME_SORT, SortField.Type.STRING));
      case RATING ->
          new Sort(
              new SortField(RATING_TENTHS, SortField.Type.LONG, true),
              new SortField(RATING_COUNT, SortField.Type.LONG, true),
              new SortField(NAME_SORT, SortField.Type.STRING));
    };
  }

  private SortedSetDocValuesReaderState facetState(IndexSearcher searcher) throws IOException {
    FacetState current = facetState;
    if (current == null || current.reader() != searcher.getIndexReader()) {
      current =
          new FacetState(
              searcher.getIndexReader(),
              new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), facetsConfig));
      facetState = current;
    }
    return current.state();
  }

  private static List<CatalogPage.FacetCount> counts(FacetResult result) {
    if (result == null) {
      return List.of();
    }
    List<CatalogPage.FacetCount> counts = new ArrayList<>();
    for (LabelAndValue value : result.labelValues) {
      counts.add(new CatalogPage.FacetCount(value.label, value.value.longValue()));
    }
    return counts;
  }

  private static Document document(Product product, ProductStats productStats) {
    Document doc = new Document();
    doc.add(new StringField(SKU, product.sku(), Field.Store.YES));
    doc.add(new TextField(NAME, product.name(), Field.Store.YES));
    doc.add(new TextField(BRAND, product.brand(), Field.Store.YES));
    doc.add(new TextField(CATEGORY, product.category(), Field.Store.YES));
    doc.add(new TextField(DESCRIPTION, product.description(), Field.Store.NO));
    doc.add(
        new TextField(
            WORDS,
            String.join(" ", product.name(), product.brand(), product.category()),
            Field.Store.NO));
    doc.add(new SortedSetDocValuesFacetField(BRAND, product.brand()));
    doc.add(new SortedSetDocValuesFacetField(CATEGORY, product.category()));
    long price = product.price().amountMinor();
    doc.add(new LongPoint(PRICE, price));
    doc.add(new NumericDocValuesField(PRICE, price));
    doc.add(new StoredField(PRICE, price));
    doc.add(new StoredField(CURRENCY, product.price().currency()));
    doc.add(
        new SortedDocValuesField(NAME_SORT, new BytesRef(product.name().toLowerCase(Locale.ROOT))));
    if (product.imageUrl() != null) {
      doc.add(new StoredField(IMAGE, product.imageUrl()));
    }
    long tenths = Math.round(productStats.averageRating() * 10);
    doc.add(new NumericDocValuesField(RATING_TENTHS, tenths));
    doc.add(new StoredField(RATING_TENTHS, tenths));
    doc.add(new NumericDocValuesField(RATING_COUNT, productStats.ratingCount()));
    doc.add(new StoredField(RATING_COUNT, productStats.ratingCount()));
    doc.add(new StoredField(UNITS_SOLD, productStats.unitsSold()));
    return doc;
  }

  private static CatalogPage.Hit hit(Document doc) {
    return new CatalogPage.Hit(
        doc.get(SKU),
        doc.get(NAME),
        doc.get(BRAND),
        doc.get(CATEGORY),
        Money.of(doc.getField(PRICE).numericValue().longValue(), doc.get(CURRENCY)),
        doc.get(IMAGE),
        doc.getField(RATING_TENTHS).numericValue().longValue() / 10.0,
        doc.getField(RATING_COUNT).numericValue().intValue());
  }

  interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  private <T> T withSearcher(SearcherWork<T> work) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return work.apply(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    reopener.close();
    searchers.close();
    writer.close();
    directory.close();
  }
}
