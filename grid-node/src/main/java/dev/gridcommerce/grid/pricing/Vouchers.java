package dev.gridcommerce.grid.pricing;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import dev.gridcommerce.domain.order.StockEffect;
import dev.gridcommerce.domain.pricing.Voucher;
import dev.gridcommerce.domain.pricing.VoucherTerms;
import dev.gridcommerce.grid.pricing.VoucherUseProcessor.Operation;
import dev.gridcommerce.grid.support.GridMaps;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Vouchers: the one door to the {@code vouchers} map. A voucher's uses are held and released
 * exactly like stock, by an entry processor on the voucher's key: checkout holds one for the order
 * (with the order's expiry), payment redeems it, expiry or cancellation releases it (see {@link
 * #followStock}).
 */
public final class Vouchers {

  private final IMap<String, Voucher> vouchers;
  private final Clock clock;

  public Vouchers(HazelcastInstance grid, Clock clock) {
    this.vouchers = new GridMaps(grid).vouchers();
    this.clock = clock;
  }

  /** The Compact serializers of vouchers and of the processors that change them. */
  public static List<CompactSerializer<?>> serializers() {
    return List.of(new VoucherSerializer(), new VoucherUseProcessor.Serializer());
  }

  /** Creates the voucher; answers false, changing nothing, when its code is taken. */
  public boolean create(VoucherTerms terms) {
    return vouchers.putIfAbsent(terms.code(), Voucher.of(terms)) == null;
  }

  /** The voucher of a code, in any case; empty for a code no voucher has. */
  public Optional<Voucher> voucher(String code) {
    String key = VoucherTerms.normalize(code);
    return VoucherTerms.isValidCode(key)
        ? Optional.ofNullable(vouchers.get(key))
        : Optional.empty();
  }

  /** Every voucher, by code. */
  public List<Voucher> all() {
    return vouchers.values().stream()
        .sorted(Comparator.comparing(voucher -> voucher.terms().code()))
        .toList();
  }

  /**
   * Deletes the voucher: no new order can hold it; orders that hold it keep their discount. Answers
   * whether it existed.
   */
  public boolean delete(String code) {
    String key = VoucherTerms.normalize(code);
    return VoucherTerms.isValidCode(key) && vouchers.remove(key) != null;
  }

  /**
   * Holds one use of the voucher for the unpaid order until {@code expiresAt}; answers why not
   * (empty: held, now or before).
   */
  public Optional<String> hold(String code, String orderId, String shopperId, Instant expiresAt) {
    return Optional.ofNullable(
        vouchers.executeOnKey(
            code,
            new VoucherUseProcessor(
                Operation.HOLD, orderId, shopperId, expiresAt, clock.instant())));
  }

  /** Releases the unpaid order's hold (a checkout that didn't go through). */
  public void release(String code, String orderId, String shopperId) {
    followStock(code, StockEffect.RELEASE, orderId, shopperId).join();
  }

  /**
   * Does to the order's voucher use what a stock change does to its units: releases the hold
   * ({@code RELEASE}), redeems it ({@code SELL}; answers why not, when no use is left for an order
   * whose hold expired), gives it back ({@code RETURN_SOLD}, {@code RETURN_DELIVERED}); nothing for
   * the others.
   */
  public CompletableFuture<Optional<String>> followStock(
      String code, StockEffect effect, String orderId, String shopperId) {
    Operation operation =
        switch (effect) {
          case RELEASE -> Operation.RELEASE;
          case SELL -> Operation.REDEEM;
          case RETURN_SOLD, RETURN_DELIVERED -> Operation.GIVE_BACK;
          case DISPATCH, PICK_SHORTFALL, NONE -> null;
        };
    if (operation == null) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    Instant now = clock.instant();
    return vouchers
        .submitToKey(code, new VoucherUseProcessor(operation, orderId, shopperId, now, now))
        .toCompletableFuture()
        .thenApply(Optional::ofNullable);
  }
}
