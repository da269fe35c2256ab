package dev.gridcommerce.domain.inventory;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.pcollections.TreePSet;

/**
 * The unpaid holds of one stock entry, ordered by when they expire: finding the due ones costs in
 * proportion to how many are due, adding or removing one in proportion to the log of how many there
 * are. Persistent: a change returns a new value sharing all but a path with the old one.
 */
final class HeldByExpiry {

  private record Due(Instant expiresAt, String holderId) {}

  private static final Comparator<Due> ORDER =
      Comparator.comparing(Due::expiresAt).thenComparing(Due::holderId);

  private static final HeldByExpiry EMPTY = new HeldByExpiry(TreePSet.empty(ORDER));

  private final TreePSet<Due> due;

  private HeldByExpiry(TreePSet<Due> due) {
    this.due = due;
  }

  static HeldByExpiry of(Collection<Hold> holds) {
    HeldByExpiry byExpiry = EMPTY;
    for (Hold hold : holds) {
      byExpiry = byExpiry.plus(hold);
    }
    return byExpiry;
  }

  HeldByExpiry plus(Hold hold) {
    return hold.isHeld() ? new HeldByExpiry(due.plus(dueOf(hold))) : this;
  }

  HeldByExpiry minus(Hold hold) {
    return hold.isHeld() ? new HeldByExpiry(due.minus(dueOf(hold))) : this;
  }

  /** The holders whose unpaid hold expires at or before {@code now}, earliest first. */
  List<String> holdersDueAt(Instant now) {
    return due.headSet(new Due(now.plusNanos(1), ""), false).stream().map(Due::holderId).toList();
  }

  long earliestMillis() {
    return due.isEmpty() ? Long.MAX_VALUE : due.first().expiresAt().toEpochMilli();
  }

  private static Due dueOf(Hold hold) {
    return new Due(hold.expiresAt(), hold.orderId());
  }
}
