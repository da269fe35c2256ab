package dev.gridcommerce.domain.pricing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A voucher and its uses, held and redeemed exactly like stock: checkout holds a use for the order
 * (refused once the limits are reached), payment redeems it, expiry or cancellation releases it.
 * Every change is idempotent by order id. A hold past its expiry no longer counts (its order
 * expired, or never got written) and is dropped by the next change.
 *
 * @param version how many changes the voucher has had
 */
public record Voucher(VoucherTerms terms, List<VoucherUse> uses, long version) {

  public Voucher {
    Objects.requireNonNull(terms, "terms");
    uses = List.copyOf(uses);
    if (uses.stream().map(VoucherUse::orderId).distinct().count() != uses.size()) {
      throw new IllegalArgumentException("an order uses a voucher once");
    }
  }

  /** A new voucher, not used yet. */
  public static Voucher of(VoucherTerms terms) {
    return new Voucher(terms, List.of(), 1);
  }

  /** What a change of the voucher came to: the voucher after it, and why it was refused, if so. */
  public record Change(Voucher voucher, Optional<String> refusal) {

    public boolean done() {
      return refusal.isEmpty();
    }
  }

  public Optional<VoucherUse> use(String orderId) {
    return uses.stream().filter(use -> use.orderId().equals(orderId)).findFirst();
  }

  /** The uses that count against the limits at {@code now}. */
  public int usesAt(Instant now) {
    return (int) uses.stream().filter(use -> use.countsAt(now)).count();
  }

  /**
   * Why the shopper can't take a use now because of the voucher's limits (empty: a use is left).
   */
  public Optional<String> whyNoUseLeft(String shopperId, Instant now) {
    if (usesAt(now) >= terms.maxRedemptions()) {
      return Optional.of("this voucher has been redeemed as often as it may be");
    }
    long own =
        uses.stream().filter(use -> use.shopperId().equals(shopperId) && use.countsAt(now)).count();
    if (own >= terms.maxPerShopper()) {
      return Optional.of(
          terms.maxPerShopper() == 1
              ? "you have already used this voucher"
              : "you have used this voucher " + own + " times, as often as one shopper may");
    }
    return Optional.empty();
  }

  /**
   * Holds a use for the unpaid order until {@code expiresAt}; refused when no use is left. A use
   * the order holds already is kept (a retry); one of its holds that expired is taken again only if
   * a use is left.
   */
  public Change hold(String orderId, String shopperId, Instant expiresAt, Instant now) {
    Optional<VoucherUse> own = use(orderId);
    if (own.isPresent() && own.get().countsAt(now)) {
      return unchanged();
    }
    Optional<String> whyNot = without(orderId).whyNoUseLeft(shopperId, now);
    if (whyNot.isPresent()) {
      return new Change(this, whyNot);
    }
    return changed(now, new VoucherUse(orderId, shopperId, expiresAt, false), orderId);
  }

  /**
   * Redeems the order's use as it is paid: its hold becomes final; without a hold (it expired) a
   * use is taken if one is left, else refused (the order can't keep its discount).
   */
  public Change redeem(String orderId, String shopperId, Instant now) {
    Optional<VoucherUse> held = use(orderId);
    if (held.isPresent() && held.get().redeemed()) {
      return unchanged();
    }
    if (held.isEmpty() || !held.get().countsAt(now)) {
      Optional<String> whyNot = whyNoUseLeft(shopperId, now);
      if (whyNot.isPresent()) {
        return new Change(this, whyNot);
      }
    }
    return changed(now, new VoucherUse(orderId, shopperId, now, true), orderId);
  }

  /**
   * The voucher as if the order held no use of it: how a retry of that order's checkout sees it.
   */
  public Voucher without(String orderId) {
    if (use(orderId).isEmpty()) {
      return this;
    }
    return new Voucher(
        terms, uses.stream().filter(use -> !use.orderId().equals(orderId)).toList(), version);
  }

  /** Lets go of the unpaid order's hold (a redeemed use stays). */
  public Change release(String orderId, Instant now) {
    Optional<VoucherUse> held = use(orderId);
    if (held.isEmpty() || held.get().redeemed()) {
      return unchanged();
    }
    return changed(now, null, orderId);
  }

  /** Gives back the use of a paid order that was cancelled: it may be redeemed again. */
  public Change giveBack(String orderId, Instant now) {
    if (use(orderId).isEmpty()) {
      return unchanged();
    }
    return changed(now, null, orderId);
  }

  private Change unchanged() {
    return new Change(this, Optional.empty());
  }

  /** Drops holds that no longer count and the use of {@code replacing}, then adds {@code added}. */
  private Change changed(Instant now, VoucherUse added, String replacing) {
    List<VoucherUse> next = new ArrayList<>(uses.size() + 1);
    for (VoucherUse use : uses) {
      if (use.countsAt(now) && !use.orderId().equals(replacing)) {
        next.add(use);
      }
    }
    if (added != null) {
      next.add(added);
    }
    return new Change(new Voucher(terms, next, version + 1), Optional.empty());
  }
}
