package dev.gridcommerce.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.persistence.testing.TestDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every MapStore must do, run against the real PostgreSQL: a stored entry loads back equal,
 * storing again changes nothing, and a deleted one is gone. Each store's test supplies the store
 * and sample entries with distinct keys per call.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MapStoreContract<K, V> {

  private final Function<Database, PostgresMapStore<K, V>> storeFactory;
  private final String table;
  private int samples;
  protected TestDatabase db;
  protected PostgresMapStore<K, V> store;

  protected MapStoreContract(
      Function<Database, PostgresMapStore<K, V>> storeFactory, String table) {
    this.storeFactory = storeFactory;
    this.table = table;
  }

  /** The n-th sample entry; different n give different keys. */
  protected abstract Map.Entry<K, V> sample(int n);

  /** Sample entries whose keys no earlier call gave. */
  protected final Map<K, V> sampleEntries(int count) {
    Map<K, V> sample = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      Map.Entry<K, V> entry = sample(samples++);
      sample.put(entry.getKey(), entry.getValue());
    }
    return sample;
  }

  @BeforeAll
  void openDatabase() {
    db = TestDatabase.create();
    store = storeFactory.apply(db.database());
  }

  @AfterAll
  void dropDatabase() {
    db.close();
  }

  protected long rows() {
    return db.database().jdbc().queryForObject("SELECT count(*) FROM " + table, Long.class);
  }

  @Test
  void storedEntriesLoadBackEqual() {
    Map<K, V> entries = sampleEntries(3);

    store.storeAll(entries);

    assertThat(store.loadAll(entries.keySet())).isEqualTo(entries);
    K first = entries.keySet().iterator().next();
    assertThat(store.load(first)).isEqualTo(loadsMisses() ? entries.get(first) : null);
  }

  /**
   * Whether the store looks the sample keys up when the grid misses them (see its {@code load}).
   */
  protected boolean loadsMisses() {
    return true;
  }

  @Test
  void storingTheSameEntriesAgainChangesNothing() {
    Map<K, V> entries = sampleEntries(2);
    store.storeAll(entries);
    long rowsAfterFirstStore = rows();

    store.storeAll(entries);
    entries.forEach(store::store);

    assertThat(rows()).isEqualTo(rowsAfterFirstStore);
    assertThat(store.loadAll(entries.keySet())).isEqualTo(entries);
  }

  @Test
  void deletedEntriesAreGone() {
    Map<K, V> entries = sampleEntries(2);
    store.storeAll(entries);
    List<K> keys = List.copyOf(entries.keySet());

    store.deleteAll(keys.subList(0, 1));
    store.delete(keys.get(1));

    assertThat(store.loadAll(keys)).isEmpty();
    assertThat(store.load(keys.get(0))).isNull();
  }

  @Test
  void unknownKeysLoadAsAbsent() {
    Map<K, V> neverStored = sampleEntries(2);

    assertThat(store.loadAll(neverStored.keySet())).isEmpty();
  }
}
