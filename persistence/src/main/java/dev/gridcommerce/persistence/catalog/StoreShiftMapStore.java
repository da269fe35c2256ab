package dev.gridcommerce.persistence.catalog;

import dev.gridcommerce.domain.fulfilment.StoreShift;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.TextKeyMapStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Keeps the {@code store-shifts} map (store id → open and pickers) in {@code store_shifts}. */
public final class StoreShiftMapStore extends TextKeyMapStore<StoreShift> {

  private static final String UPSERT =
      """
      INSERT INTO store_shifts (store_id, open, pickers) VALUES (?, ?, ?)
      ON CONFLICT (store_id) DO UPDATE SET open = EXCLUDED.open, pickers = EXCLUDED.pickers
      """;

  public StoreShiftMapStore() {
    this(null);
  }

  public StoreShiftMapStore(Database database) {
    super(database, "store-shifts", "store_shifts", "store_id");
  }

  @Override
  protected void upsert(Map<String, StoreShift> entries) {
    batch(
        UPSERT,
        entries.values(),
        (statement, shift) -> {
          statement.setString(1, shift.storeId());
          statement.setBoolean(2, shift.open());
          statement.setInt(3, shift.pickers());
        });
  }

  @Override
  protected StoreShift read(ResultSet row) throws SQLException {
    return new StoreShift(row.getString("store_id"), row.getBoolean("open"), row.getInt("pickers"));
  }

  @Override
  protected List<String> keysToLoad() {
    return database().jdbc().queryForList("SELECT store_id FROM store_shifts", String.class);
  }
}
