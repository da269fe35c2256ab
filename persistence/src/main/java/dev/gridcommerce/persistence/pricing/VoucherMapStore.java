package dev.gridcommerce.persistence.pricing;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.pricing.Voucher;
import dev.gridcommerce.domain.pricing.VoucherKind;
import dev.gridcommerce.domain.pricing.VoucherTerms;
import dev.gridcommerce.domain.pricing.VoucherUse;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.TextKeyMapStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps the {@code vouchers} map (code → voucher with its uses) in the {@code vouchers} table, one
 * row per voucher with its uses as parallel arrays. A row is only replaced by a higher version, so
 * a late replay of an older state never brings back a use that was released.
 */
public final class VoucherMapStore extends TextKeyMapStore<Voucher> {

  private static final String UPSERT =
      """
      INSERT INTO vouchers (code, kind, percent_bp, amount_off_minor, minimum_basket_minor,
                            currency, valid_from, valid_until, max_redemptions, max_per_shopper,
                            use_order_ids, use_shopper_ids, use_expires_at, use_redeemed, version,
                            updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
      ON CONFLICT (code) DO UPDATE SET
        kind = EXCLUDED.kind, percent_bp = EXCLUDED.percent_bp,
        amount_off_minor = EXCLUDED.amount_off_minor,
        minimum_basket_minor = EXCLUDED.minimum_basket_minor, currency = EXCLUDED.currency,
        valid_from = EXCLUDED.valid_from, valid_until = EXCLUDED.valid_until,
        max_redemptions = EXCLUDED.max_redemptions, max_per_shopper = EXCLUDED.max_per_shopper,
        use_order_ids = EXCLUDED.use_order_ids, use_shopper_ids = EXCLUDED.use_shopper_ids,
        use_expires_at = EXCLUDED.use_expires_at, use_redeemed = EXCLUDED.use_redeemed,
        version = EXCLUDED.version, updated_at = now()
      WHERE vouchers.version <= EXCLUDED.version
      """;

  public VoucherMapStore() {
    this(null);
  }

  public VoucherMapStore(Database database) {
    super(database, "vouchers", "vouchers", "code");
  }

  @Override
  protected void upsert(Map<String, Voucher> entries) {
    batch(
        UPSERT,
        entries.values(),
        (statement, voucher) -> {
          VoucherTerms terms = voucher.terms();
          List<VoucherUse> uses = voucher.uses();
          statement.setString(1, terms.code());
          statement.setString(2, terms.kind().name());
          statement.setInt(3, terms.percentBasisPoints());
          statement.setLong(4, terms.amountOff().amountMinor());
          statement.setLong(5, terms.minimumBasket().amountMinor());
          statement.setString(6, terms.currency());
          statement.setObject(7, utc(terms.validFrom()));
          statement.setObject(8, utc(terms.validUntil()));
          statement.setInt(9, terms.maxRedemptions());
          statement.setInt(10, terms.maxPerShopper());
          statement.setArray(
              11, textArray(statement, uses.stream().map(VoucherUse::orderId).toList()));
          statement.setArray(
              12, textArray(statement, uses.stream().map(VoucherUse::shopperId).toList()));
          statement.setArray(
              13, timestampArray(statement, uses.stream().map(VoucherUse::expiresAt).toList()));
          statement.setArray(
              14, booleanArray(statement, uses.stream().map(VoucherUse::redeemed).toList()));
          statement.setLong(15, voucher.version());
        });
  }

  @Override
  protected Voucher read(ResultSet row) throws SQLException {
    String currency = row.getString("currency");
    VoucherTerms terms =
        new VoucherTerms(
            row.getString("code"),
            VoucherKind.valueOf(row.getString("kind")),
            row.getInt("percent_bp"),
            Money.of(row.getLong("amount_off_minor"), currency),
            Money.of(row.getLong("minimum_basket_minor"), currency),
            instant(row, "valid_from"),
            instant(row, "valid_until"),
            row.getInt("max_redemptions"),
            row.getInt("max_per_shopper"));
    List<String> orderIds = strings(row, "use_order_ids");
    List<String> shopperIds = strings(row, "use_shopper_ids");
    List<Instant> expiries = instants(row, "use_expires_at");
    List<Boolean> redeemed = booleans(row, "use_redeemed");
    List<VoucherUse> uses = new ArrayList<>(orderIds.size());
    for (int i = 0; i < orderIds.size(); i++) {
      uses.add(
          new VoucherUse(orderIds.get(i), shopperIds.get(i), expiries.get(i), redeemed.get(i)));
    }
    return new Voucher(terms, uses, row.getLong("version"));
  }

  @Override
  protected List<String> keysToLoad() {
    return database().jdbc().queryForList("SELECT code FROM vouchers", String.class);
  }
}
