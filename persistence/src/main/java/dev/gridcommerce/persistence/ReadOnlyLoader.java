package dev.gridcommerce.persistence;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.MapLoader;
import com.hazelcast.map.MapLoaderLifecycleSupport;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A map derived from tables another MapStore writes, loaded from PostgreSQL by key on first use
 * (none when a member starts) and never written: a subclass says how to load a batch of keys.
 */
public abstract class ReadOnlyLoader<V> implements MapLoader<String, V>, MapLoaderLifecycleSupport {

  private Database database;

  protected ReadOnlyLoader(Database database) {
    this.database = database;
  }

  protected Database database() {
    return database;
  }

  @Override
  public void init(HazelcastInstance member, Properties properties, String mapName) {
    database = Database.of(member);
  }

  @Override
  public void destroy() {
    // the member closes its Database on shutdown
  }

  @Override
  public V load(String key) {
    return loadAll(List.of(key)).get(key);
  }

  @Override
  public abstract Map<String, V> loadAll(Collection<String> keys);

  /** None: entries load by key when first asked for. */
  @Override
  public Iterable<String> loadAllKeys() {
    return null;
  }
}
