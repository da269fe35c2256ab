package dev.gridcommerce.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A MapStore whose map key is the text primary key of one table: deletes and loads by key come for
 * free, a subclass says how to write and read a row.
 */
public abstract class TextKeyMapStore<V> extends PostgresMapStore<String, V> {

  private final String deleteByKeys;
  private final String selectByKeys;
  private final String keyColumn;

  protected TextKeyMapStore(Database database, String mapName, String table, String keyColumn) {
    super(database, mapName);
    this.keyColumn = keyColumn;
    this.deleteByKeys = "DELETE FROM " + table + " WHERE " + keyColumn + " = ANY(?)";
    this.selectByKeys = "SELECT * FROM " + table + " WHERE " + keyColumn + " = ANY(?)";
  }

  /** The map value of one row of the table. */
  protected abstract V read(ResultSet row) throws SQLException;

  @Override
  protected void remove(List<String> keys) {
    updateByKeys(deleteByKeys, keys);
  }

  @Override
  protected Map<String, V> loadChunk(List<String> keys) {
    return queryByKeys(
            selectByKeys, keys, (row, n) -> Map.entry(row.getString(keyColumn), read(row)))
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
