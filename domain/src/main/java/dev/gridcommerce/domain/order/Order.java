package dev.gridcommerce.domain.order;

import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.pricing.PriceBreakdown;
import dev.gridcommerce.domain.pricing.Pricing;
import dev.gridcommerce.domain.pricing.Quote;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A shopper's order for delivery from one dark store. While {@code PENDING_PAYMENT} its lines hold
 * stock until {@code expiresAt}. {@code pendingStock} is the stock change its last status change
 * asked for and that is not yet applied to every line.
 *
 * <p>Every change returns a new order with {@code version} one higher, and every change other than
 * settling the stock appends its {@link OrderEvent} to {@code events}: the order carries its own
 * outbox, so an order can't change without its event, nor an event be kept without its change. An
 * order has at most {@value #MAX_EVENTS} events (placed, its payment started, at most 6 moves, at
 * most {@value #MAX_PAYMENT_FAILURES} failed payments and {@value #MAX_REFUNDS} refunds) and two
 * more per line (short at picking, and its replacement gone), so the order always holds all of them
 * until they are stored. A line confirmed picked in full is a change without an event: the packing
 * tells.
 *
 * <p>Picking: a paid order's lines are picked one by one; a short line records what was found and
 * its {@link Replacement}, if any, and asks for {@link StockEffect#PICK_SHORTFALL}. {@link
 * #goodsCredit} is what the shopper gets back for short lines, and an order that keeps going owes
 * it as a refund.
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
 * @param dropOff where it is delivered to (null: the shop didn't say)
 * @param courier the rider who took it out (null until then, or when staff dispatched it)
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
    Instant promisedAt,
    GeoPoint dropOff,
    Courier courier) {

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
    requireTimeline(id, status, version, events, MAX_EVENTS + 2 * lines.size());
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
        if (sharesReplacement(lines.get(j), line) || sharesReplacement(line, lines.get(j))) {
          throw new IllegalArgumentException(
              "a substitute is a product the order has no other way");
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

  /** Whether {@code a}'s replacement is {@code b}'s product or {@code b}'s replacement too. */
  private static boolean sharesReplacement(OrderLine a, OrderLine b) {
    Replacement replacement = a.pick() == null ? null : a.pick().replacement();
    if (replacement == null) {
      return false;
    }
    Replacement other = b.pick() == null ? null : b.pick().replacement();
    return replacement.sku().equals(b.sku())
        || (other != null && replacement.sku().equals(other.sku()));
  }

  private static void requireTimeline(
      String id, OrderStatus status, long version, List<OrderEvent> events, int maxEvents) {
    if (events.isEmpty() || events.size() > maxEvents) {
      throw new IllegalArgumentException("this order has 1 to " + maxEvents + " events");
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
    return placed(id, shopperId, storeId, lines, quote, now, expiresAt, eventId, null, null);
  }

  /**
   * A new order priced by {@link Pricing} as {@code quote} (its lines in the order of {@code
   * lines}), whose stock and voucher use are already held until {@code expiresAt}; its first event,
   * {@code PLACED}, has the id {@code eventId}; {@code promisedAt} and {@code dropOff} may be null.
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
      Instant promisedAt,
      GeoPoint dropOff) {
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
        promisedAt,
        dropOff,
        null);
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
    if (next == OrderStatus.PACKED) {
      return packed(now, eventId, note);
    }
    requireMove(next);
    StockEffect effect = StockEffect.of(status, next);
    return changed(
        next, effect, payment, now, OrderEventType.ofMoveTo(next), effect, note, eventId);
  }

  /**
   * Picking done: the lines not yet confirmed count as picked in full, and the order is packed; or,
   * when not one unit of it could be found nor replaced, cancelled (its sold units return, and it
   * is refunded in full).
   */
  private Order packed(Instant now, String eventId, String note) {
    requireMove(OrderStatus.PACKED);
    List<OrderLine> complete =
        lines.stream()
            .map(line -> line.isPicked() ? line : line.picked(LinePick.complete(line.quantity())))
            .toList();
    if (complete.stream().noneMatch(line -> line.pick().fillsAnything())) {
      return changed(
          complete,
          OrderStatus.CANCELLED,
          StockEffect.RETURN_SOLD,
          payment,
          refunded,
          courier,
          now,
          OrderEventType.CANCELLED,
          StockEffect.RETURN_SOLD,
          "nothing of the order could be picked: refunded in full",
          eventId);
    }
    String summary = packingSummary(complete);
    return changed(
        complete,
        OrderStatus.PACKED,
        StockEffect.NONE,
        payment,
        refunded,
        courier,
        now,
        OrderEventType.PACKED,
        StockEffect.NONE,
        note.isEmpty() ? summary : note + "; " + summary,
        eventId);
  }

  private String packingSummary(List<OrderLine> packed) {
    long shortLines = packed.stream().filter(OrderLine::isShort).count();
    if (shortLines == 0) {
      return "every line picked";
    }
    Money credit = goodsCredit(packed);
    return shortLines
        + (shortLines == 1 ? " line" : " lines")
        + " short"
        + (credit.isPositive() ? "; " + Money.format(credit) + " to be refunded" : "");
  }

  /** A line confirmed picked in full: no event (the packing tells), nothing to do to the stock. */
  public Order linePicked(String lineId, Instant now) {
    OrderLine line = pickable(lineId);
    if (line.isPicked()) {
      if (line.isShort()) {
        throw new IllegalTransitionException(status, status);
      }
      return this;
    }
    return with(replaced(line.picked(LinePick.complete(line.quantity()))), now);
  }

  /**
   * A line short at picking: {@code picked} of its units found and the missing ones replaced by
   * {@code replacement} (null: refunded). Its event tells the shopper; the stock follows ({@link
   * StockEffect#PICK_SHORTFALL}). The same report again changes nothing; a line already picked
   * otherwise is refused.
   */
  public Order lineShort(
      String lineId, int picked, Replacement replacement, Instant now, String eventId) {
    OrderLine line = pickable(lineId);
    LinePick pick = new LinePick(picked, replacement);
    if (line.isPicked()) {
      if (line.pick().equals(pick)) {
        return this;
      }
      throw new IllegalTransitionException(status, status);
    }
    if (picked >= line.quantity()) {
      throw new IllegalArgumentException("a short line has fewer units than ordered");
    }
    if (replacement != null && hasProduct(replacement.sku())) {
      throw new IllegalTransitionException(status, status); // another line took it meanwhile
    }
    if (!isSettled()) {
      throw new StockChangePendingException(id, pendingStock);
    }
    OrderLine shortLine = line.picked(pick);
    return shortfall(shortLine, now, shortLine.shortfall(), eventId);
  }

  /** The line as picked short, its event telling the shopper, the stock to follow. */
  private Order shortfall(OrderLine line, Instant now, String note, String eventId) {
    return changed(
        replaced(line),
        status,
        StockEffect.PICK_SHORTFALL,
        payment,
        refunded,
        courier,
        now,
        OrderEventType.LINE_SHORT,
        StockEffect.PICK_SHORTFALL,
        note,
        eventId);
  }

  /**
   * The replacement {@code sku} chosen for a short line could not be sold after all (its last units
   * went meanwhile): the line's missing units are refunded instead, and the shopper told. Only
   * while that shortfall is still being applied: anything else (a late or repeated report) changes
   * nothing.
   */
  public Order replacementGone(String lineId, String sku, Instant now, String eventId) {
    OrderLine line = line(lineId);
    if (status != OrderStatus.PICKING
        || pendingStock != StockEffect.PICK_SHORTFALL
        || line.pick() == null
        || line.pick().replacement() == null
        || !line.pick().replacement().sku().equals(sku)) {
      return this;
    }
    Replacement gone = line.pick().replacement();
    return shortfall(
        line.picked(new LinePick(line.pick().picked(), null)),
        now,
        line.name() + ": " + gone.name() + " ran out too; the missing units refunded",
        eventId);
  }

  /** A packed order leaves with {@code rider}: out for delivery, its units dispatched. */
  public Order outWith(Courier rider, Instant now, String eventId) {
    Objects.requireNonNull(rider, "rider");
    if (status == OrderStatus.OUT_FOR_DELIVERY && rider.equals(courier)) {
      return this;
    }
    requireMove(OrderStatus.OUT_FOR_DELIVERY);
    return changed(
        lines,
        OrderStatus.OUT_FOR_DELIVERY,
        StockEffect.DISPATCH,
        payment,
        refunded,
        rider,
        now,
        OrderEventType.OUT_FOR_DELIVERY,
        StockEffect.DISPATCH,
        "with " + rider.name(),
        eventId);
  }

  /**
   * Whether the order has the product already: as a line, or as a line's replacement (a substitute
   * is never one of them: an order holds a product's stock once).
   */
  public boolean hasProduct(String sku) {
    return products().contains(sku);
  }

  /** The products the order holds stock of: its lines' and their replacements'. */
  public Set<String> products() {
    Set<String> products = new HashSet<>();
    for (OrderLine line : lines) {
      products.add(line.sku());
      if (line.pick() != null && line.pick().replacement() != null) {
        products.add(line.pick().replacement().sku());
      }
    }
    return products;
  }

  /** The units that leave the store with the order: those found, and their replacements. */
  public int unitsPacked() {
    return lines.stream()
        .mapToInt(line ->
            line.unitsPicked()
                + (line.pick() != null && line.pick().replacement() != null
                    ? line.pick().replacement().quantity()
                    : 0))
        .sum();
  }

  /** The line of that id; refused as a missing line when the order has none. */
  public OrderLine line(String lineId) {
    return lines.stream()
        .filter(line -> line.id().equals(lineId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("order " + id + " has no line " + lineId));
  }

  private OrderLine pickable(String lineId) {
    OrderLine line = line(lineId);
    if (status != OrderStatus.PICKING) {
      throw new IllegalTransitionException(status, status);
    }
    return line;
  }

  private List<OrderLine> replaced(OrderLine changed) {
    return lines.stream().map(line -> line.id().equals(changed.id()) ? changed : line).toList();
  }

  /**
   * What the shopper gets back for the short lines: each line's {@link OrderLine#credit}, less the
   * share of the order's discount it had, so that a refund never gives back more than was paid for
   * the goods. Zero for an order with no short line.
   */
  public Money goodsCredit() {
    return goodsCredit(lines);
  }

  private Money goodsCredit(List<OrderLine> of) {
    long credit = of.stream().mapToLong(line -> line.credit().amountMinor()).sum();
    long subtotal = price.subtotal().amountMinor();
    long paidForGoods = subtotal - price.discount().amountMinor();
    long share =
        subtotal == 0
            ? 0
            : BigInteger.valueOf(credit)
                .multiply(BigInteger.valueOf(paidForGoods))
                .divide(BigInteger.valueOf(subtotal))
                .longValueExact();
    return Money.of(share, price.currency());
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
   * it while it goes ahead, but for the {@link #goodsCredit} of short lines; nothing once it failed
   * to be delivered), less what was refunded already. Zero for an order never paid.
   */
  public Money refundOwed() {
    return new Money(Math.max(0, owedMinor()), total().currency());
  }

  private long owedMinor() {
    boolean received =
        status == OrderStatus.REFUNDED
            || events.stream().anyMatch(event -> event.type() == OrderEventType.PAID);
    long kept = status.isPaid() ? total().amountMinor() - goodsCredit().amountMinor() : 0;
    return (received ? total().amountMinor() : 0) - kept - refunded.amountMinor();
  }

  /** What the order costs the shopper once its refunds are made: its total less what it owes. */
  public Money keeps() {
    return Money.of(total().amountMinor() - refunded.amountMinor() - owedMinor(), price.currency());
  }

  /** The order with its pending stock change applied: a change of its own, with no event. */
  public Order settled() {
    return withoutEvent(lines, StockEffect.NONE, updatedAt);
  }

  /** The order with other lines: a change without an event. */
  private Order with(List<OrderLine> nextLines, Instant now) {
    return withoutEvent(nextLines, pendingStock, now);
  }

  private Order withoutEvent(List<OrderLine> nextLines, StockEffect nextPending, Instant now) {
    return new Order(
        id,
        shopperId,
        storeId,
        nextLines,
        price,
        voucherCode,
        status,
        nextPending,
        payment,
        refunded,
        createdAt,
        expiresAt,
        now,
        version + 1,
        events,
        promisedAt,
        dropOff,
        courier);
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
    return changed(
        lines,
        nextStatus,
        nextPending,
        nextPayment,
        nextRefunded,
        courier,
        now,
        type,
        asked,
        note,
        eventId);
  }

  private Order changed(
      List<OrderLine> nextLines,
      OrderStatus nextStatus,
      StockEffect nextPending,
      PaymentReference nextPayment,
      Money nextRefunded,
      Courier nextCourier,
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
        nextLines,
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
        promisedAt,
        dropOff,
        nextCourier);
  }
}
