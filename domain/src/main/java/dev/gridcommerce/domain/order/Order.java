package dev.gridcommerce.domain.order;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.pricing.PriceBreakdown;
import dev.gridcommerce.domain.pricing.Pricing;
import dev.gridcommerce.domain.pricing.Quote;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A shopper's order for delivery from one dark store. While {@code PENDING_PAYMENT} its lines hold
 * stock until {@code expiresAt}. {@code pendingStock} is the stock change its last status change
 * asked for and that is not yet applied to every line.
 *
 * <p>Every change returns a new order with {@code version} one higher, and every change other than
 * settling the stock appends its {@link OrderEvent} to {@code events}: the order carries its own
 * outbox, so an order can't change without its event, nor an event be kept without its change. An
 * order has at most {@value #MAX_EVENTS} events (placed, its payment started, at most 6 moves, at
 * most {@value #MAX_PAYMENT_FAILURES} failed payments and {@value #MAX_REFUNDS} refunds), so the
 * order always holds all of them until they are stored.
 *
 * <p>Money: {@code payment} is the order's payment at the provider (Stripe's PaymentIntent), named
 * once checkout started it; {@code refunded} is how much of it the provider confirmed as given
 * back. {@link #refundOwed} is what the order still has to give back.
 *
 * @param price what the order costs, fixed when it was placed
 * @param voucherCode the voucher whose use the order holds (and redeems when paid), or null
 * @param payment the order's payment (null until one was started or it was paid)
 * @param refunded how much of the payment the provider has refunded (zero, in the order's currency)
 * @param version how many changes the order has had; stored rows are only replaced by higher ones
 * @param promisedAt when the store promised, at checkout, to deliver it (null: no promise made)
 */
public record Order(
    String id,
    String shopperId,
    String storeId,
    List<OrderLine> lines,
    PriceBreakdown price,
    String voucherCode,
    OrderStatus status,
    StockEffect pendingStock,
    PaymentReference payment,
    Money refunded,
    Instant createdAt,
    Instant expiresAt,
    Instant updatedAt,
    long version,
    List<OrderEvent> events,
    Instant promisedAt) {

  public static final int MAX_EVENTS = 32;
  public static final int MAX_PAYMENT_FAILURES = 16;
  public static final int MAX_REFUNDS = 8;

  public Order {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(shopperId, "shopperId");
    Objects.requireNonNull(storeId, "storeId");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(pendingStock, "pendingStock");
    Objects.requireNonNull(refunded, "refunded");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    lines = List.copyOf(lines);
    events = List.copyOf(events);
    requireValidLines(lines, price);
    price.total().requireSameCurrency(refunded);
    if (refunded.isNegative() || refunded.amountMinor() > price.total().amountMinor()) {
      throw new IllegalArgumentException("an order's refunds are between zero and its total");
    }
    requireTimeline(id, status, version, events);
  }

  private static void requireValidLines(List<OrderLine> lines, PriceBreakdown price) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an order has at least one line");
    }
    long subtotal = 0;
    long lineTax = 0;
    for (int i = 0; i < lines.size(); i++) {
      OrderLine line = lines.get(i);
      lineTax = Math.addExact(lineTax, line.tax().amountMinor());
      for (int j = 0; j < i; j++) {
        if (lines.get(j).sku().equals(line.sku())) {
          throw new IllegalArgumentException("an order has one line per product");
        }
        if (lines.get(j).id().equals(line.id())) {
          throw new IllegalArgumentException("an order's line ids are unique");
        }
      }
      price.total().requireSameCurrency(line.unitPrice());
      subtotal =
          Math.addExact(
              subtotal, Math.multiplyExact(line.unitPrice().amountMinor(), line.quantity()));
    }
    if (subtotal != price.subtotal().amountMinor()) {
      throw new IllegalArgumentException(
          "the subtotal " + price.subtotal() + " is not the sum of the lines, " + subtotal);
    }
    if (lineTax > price.tax().amountMinor()) {
      throw new IllegalArgumentException("the lines contain more tax than the order");
    }
  }

  private static void requireTimeline(
      String id, OrderStatus status, long version, List<OrderEvent> events) {
    if (events.isEmpty() || events.size() > MAX_EVENTS) {
      throw new IllegalArgumentException("an order has 1 to " + MAX_EVENTS + " events");
    }
    if (events.getFirst().seq() != 1) {
      throw new IllegalArgumentException("an order holds all its events, from the first");
    }
    for (int i = 0; i < events.size(); i++) {
      OrderEvent event = events.get(i);
      if (!event.orderId().equals(id)) {
        throw new IllegalArgumentException("event " + event.id() + " is not of order " + id);
      }
      if (i > 0 && event.seq() != events.get(i - 1).seq() + 1) {
        throw new IllegalArgumentException("an order's events are numbered without gaps");
      }
    }
    OrderEvent last = events.getLast();
    if (last.status() != status) {
      throw new IllegalArgumentException("the last event leaves the order " + last.status());
    }
    if (version < last.seq()) {
      throw new IllegalArgumentException("an order has at least as many changes as events");
    }
  }

  /** A new order without a delivery promise (see the next one). */
  public static Order placed(
      String id,
      String shopperId,
      String storeId,
      List<OrderLine> lines,
      Quote quote,
      Instant now,
      Instant expiresAt,
      String eventId) {
    return placed(id, shopperId, storeId, lines, quote, now, expiresAt, eventId, null);
  }

  /**
   * A new order priced by {@link Pricing} as {@code quote} (its lines in the order of {@code
   * lines}), whose stock and voucher use are already held until {@code expiresAt}; its first event,
   * {@code PLACED}, has the id {@code eventId}.
   */
  public static Order placed(
      String id,
      String shopperId,
      String storeId,
      List<OrderLine> lines,
      Quote quote,
      Instant now,
      Instant expiresAt,
      String eventId,
      Instant promisedAt) {
    if (quote.lines().size() != lines.size()) {
      throw new IllegalArgumentException("the quote prices other lines than the order's");
    }
    List<OrderLine> taxed = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      if (!quote.lines().get(i).sku().equals(lines.get(i).sku())) {
        throw new IllegalArgumentException("the quote prices other lines than the order's");
      }
      taxed.add(lines.get(i).taxed(quote.lines().get(i)));
    }
    PriceBreakdown price = quote.breakdown();
    String currency = price.currency();
    OrderEvent placed =
        new OrderEvent(
            eventId,
            id,
            1,
            OrderEventType.PLACED,
            now,
            shopperId,
            storeId,
            OrderStatus.PENDING_PAYMENT,
            StockEffect.NONE,
            price.total(),
            null,
            "");
    return new Order(
        id,
        shopperId,
        storeId,
        taxed,
        price,
        quote.appliedVoucher(),
        OrderStatus.PENDING_PAYMENT,
        StockEffect.NONE,
        null,
        Money.zero(currency),
        now,
        expiresAt,
        now,
        1,
        List.of(placed),
        promisedAt);
  }

  public Money total() {
    return price.total();
  }

  public int units() {
    return lines.stream().mapToInt(OrderLine::quantity).sum();
  }

  public boolean isSettled() {
    return pendingStock == StockEffect.NONE;
  }

  /** Whether the order was due to expire unpaid at {@code now}. */
  public boolean isDueToExpire(Instant now) {
    return payableUntilMillis() <= now.toEpochMilli();
  }

  /**
   * When the order expires if still unpaid, in epoch milliseconds; {@link Long#MAX_VALUE} once it
   * can't expire any more (it was paid, cancelled or expired). What the sweep's index finds due
   * orders by.
   */
  public long payableUntilMillis() {
    return status == OrderStatus.PENDING_PAYMENT ? expiresAt.toEpochMilli() : Long.MAX_VALUE;
  }

  /** The number of the order's latest event. */
  public long lastSeq() {
    return events.getLast().seq();
  }

  /** Whether the order already has the event of that id (a change that was made before). */
  public boolean hasEvent(String eventId) {
    return events.stream().anyMatch(event -> event.id().equals(eventId));
  }

  /**
   * This order in {@code next} status, with the stock change the move asks for pending and the
   * move's event appended. Refused when the state machine doesn't allow the move, or while an
   * earlier stock change is still pending (it is applied within moments, by the caller or by the
   * sweep).
   */
  public Order movedTo(OrderStatus next, Instant now, String eventId) {
    return movedTo(next, now, eventId, "");
  }

  /** {@link #movedTo(OrderStatus, Instant, String)}, with a reason recorded on the event. */
  public Order movedTo(OrderStatus next, Instant now, String eventId, String note) {
    if (next == OrderStatus.PAID) {
      throw new IllegalArgumentException("a payment makes an order paid: see paid and paidLate");
    }
    requireMove(next);
    StockEffect effect = StockEffect.of(status, next);
    return changed(
        next, effect, payment, now, OrderEventType.ofMoveTo(next), effect, note, eventId);
  }

  /** An unpaid order paid on time: paid, with the sale of its held units pending. */
  public Order paid(PaymentReference by, Instant now, String eventId) {
    Objects.requireNonNull(by, "by");
    if (status != OrderStatus.PENDING_PAYMENT) {
      throw new IllegalTransitionException(status, OrderStatus.PAID);
    }
    requireMove(OrderStatus.PAID);
    return changed(
        OrderStatus.PAID,
        StockEffect.SELL,
        by,
        now,
        OrderEventType.PAID,
        StockEffect.SELL,
        "",
        eventId);
  }

  /**
   * A payment arrived after expiry and every line's units were sold to the order anyway: the order
   * is paid, whatever release its expiry still had pending (sold units are never released).
   */
  public Order paidLate(PaymentReference by, Instant now, String eventId) {
    Objects.requireNonNull(by, "by");
    if (status != OrderStatus.EXPIRED) {
      throw new IllegalTransitionException(status, OrderStatus.PAID);
    }
    return changed(
        OrderStatus.PAID,
        StockEffect.NONE,
        by,
        now,
        OrderEventType.PAID,
        StockEffect.SELL,
        "paid after expiry; the units were still there",
        eventId);
  }

  /**
   * A payment arrived that the order can't keep (it expired and its stock is gone, or it was
   * cancelled): the order is refunded, and names that payment if it had none, so the refund knows
   * what to give back. Refused for any order but an expired or cancelled one (a paid order keeps
   * its payment).
   */
  public Order refundDue(PaymentReference by, Instant now, String eventId, String note) {
    Objects.requireNonNull(by, "by");
    if (status != OrderStatus.EXPIRED && status != OrderStatus.CANCELLED) {
      throw new IllegalTransitionException(status, OrderStatus.REFUNDED);
    }
    requireMove(OrderStatus.REFUNDED);
    StockEffect effect = StockEffect.of(status, OrderStatus.REFUNDED);
    return changed(
        OrderStatus.REFUNDED,
        effect,
        payment == null ? by : payment,
        now,
        OrderEventType.REFUNDED,
        effect,
        note,
        eventId);
  }

  /**
   * A payment attempt failed; the order stays unpaid (and may still be paid before expiry). After
   * {@value #MAX_PAYMENT_FAILURES} recorded failures, more are not recorded (the order is the
   * same).
   */
  public Order paymentFailed(String reason, Instant now, String eventId) {
    if (status != OrderStatus.PENDING_PAYMENT) {
      throw new IllegalTransitionException(status, status);
    }
    long failures =
        events.stream().filter(event -> event.type() == OrderEventType.PAYMENT_FAILED).count();
    if (failures >= MAX_PAYMENT_FAILURES) {
      return this;
    }
    return changed(
        status,
        pendingStock,
        payment,
        now,
        OrderEventType.PAYMENT_FAILED,
        StockEffect.NONE,
        reason,
        eventId);
  }

  /**
   * The unpaid order's payment was started at the provider as {@code intent}: named on the order
   * (once; the same intent again changes nothing), so a success, a refund or a reconciliation can
   * be matched to it.
   */
  public Order paymentStarted(PaymentReference intent, Instant now, String eventId) {
    Objects.requireNonNull(intent, "intent");
    if (intent.equals(payment)) {
      return this;
    }
    if (status != OrderStatus.PENDING_PAYMENT || payment != null) {
      throw new IllegalTransitionException(status, status);
    }
    return changed(
        status,
        pendingStock,
        intent,
        now,
        OrderEventType.PAYMENT_STARTED,
        StockEffect.NONE,
        "",
        eventId);
  }

  /**
   * The provider reports that {@code refundedTotal} of the order's payment has been refunded in all
   * (reports only grow, so an older one that arrives late changes nothing). Refunded in full, an
   * order that is not delivered or on its way ends {@code REFUNDED} (its unpaid or sold units go
   * back to stock); otherwise the amount is recorded with a {@code REFUND_RECORDED} event. After
   * {@value #MAX_REFUNDS} partial refunds, further partial ones are not recorded.
   */
  public Order refundRecorded(Money refundedTotal, Instant now, String eventId) {
    price.total().requireSameCurrency(refundedTotal);
    if (hasEvent(eventId) || refundedTotal.amountMinor() <= refunded.amountMinor()) {
      return this;
    }
    Money recorded = refundedTotal.amountMinor() > total().amountMinor() ? total() : refundedTotal;
    String note = "refunded " + recorded.amountMinor() + " " + recorded.currency() + " in all";
    boolean full = recorded.equals(total());
    if (full && status != OrderStatus.REFUNDED && status.canMoveTo(OrderStatus.REFUNDED)) {
      if (!isSettled()) {
        throw new StockChangePendingException(id, pendingStock);
      }
      StockEffect effect = StockEffect.of(status, OrderStatus.REFUNDED);
      return changed(
          OrderStatus.REFUNDED,
          effect,
          payment,
          recorded,
          now,
          OrderEventType.REFUNDED,
          effect,
          note,
          eventId);
    }
    long refunds =
        events.stream().filter(event -> event.type() == OrderEventType.REFUND_RECORDED).count();
    if (!full && refunds >= MAX_REFUNDS) {
      return this;
    }
    return changed(
        status,
        pendingStock,
        payment,
        recorded,
        now,
        OrderEventType.REFUND_RECORDED,
        StockEffect.NONE,
        note,
        eventId);
  }

  /**
   * What the order still has to give back: the payment it received (it was paid once, or it is
   * refunded, which only an order whose payment can't be kept becomes), less what it keeps (all of
   * it while it goes ahead), less what was refunded already. Zero for an order never paid.
   */
  public Money refundOwed() {
    boolean received =
        status == OrderStatus.REFUNDED
            || events.stream().anyMatch(event -> event.type() == OrderEventType.PAID);
    long owed =
        (received ? total().amountMinor() : 0)
            - (status.isPaid() ? total().amountMinor() : 0)
            - refunded.amountMinor();
    return new Money(Math.max(0, owed), total().currency());
  }

  /** The order with its pending stock change applied: a change of its own, with no event. */
  public Order settled() {
    return new Order(
        id,
        shopperId,
        storeId,
        lines,
        price,
        voucherCode,
        status,
        StockEffect.NONE,
        payment,
        refunded,
        createdAt,
        expiresAt,
        updatedAt,
        version + 1,
        events,
        promisedAt);
  }

  private void requireMove(OrderStatus next) {
    if (!status.canMoveTo(next)) {
      throw new IllegalTransitionException(status, next);
    }
    if (!isSettled()) {
      throw new StockChangePendingException(id, pendingStock);
    }
  }

  private Order changed(
      OrderStatus nextStatus,
      StockEffect nextPending,
      PaymentReference nextPayment,
      Instant now,
      OrderEventType type,
      StockEffect asked,
      String note,
      String eventId) {
    return changed(nextStatus, nextPending, nextPayment, refunded, now, type, asked, note, eventId);
  }

  private Order changed(
      OrderStatus nextStatus,
      StockEffect nextPending,
      PaymentReference nextPayment,
      Money nextRefunded,
      Instant now,
      OrderEventType type,
      StockEffect asked,
      String note,
      String eventId) {
    OrderEvent event =
        new OrderEvent(
            eventId,
            id,
            lastSeq() + 1,
            type,
            now,
            shopperId,
            storeId,
            nextStatus,
            asked,
            price.total(),
            nextPayment,
            note);
    List<OrderEvent> timeline = new ArrayList<>(events.size() + 1);
    timeline.addAll(events);
    timeline.add(event);
    return new Order(
        id,
        shopperId,
        storeId,
        lines,
        price,
        voucherCode,
        nextStatus,
        nextPending,
        nextPayment,
        nextRefunded,
        createdAt,
        expiresAt,
        now,
        version + 1,
        timeline,
        promisedAt);
  }
}
