package dev.gridcommerce.domain.inventory;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Optional;
import org.pcollections.TreePSet;

/**
 * Which holders of one stock entry changed at which version, so that storing the entry writes the
 * holds that changed since the stored version instead of all of them.
 *
 * <p>Kept to at most twice the number of holds plus {@value #SLACK} changes: the oldest go first,
 * and then the journal no longer reaches back to versions before them ({@link #reachesBack}). A
 * store from further back writes the whole entry, which costs no more than the changes since then
 * would have, there being more of those than twice the holds. Persistent, like the holds.
 */
final class HoldJournal {

  static final int SLACK = 64;

  private record Changed(long version, String holderId) {}

  private static final Comparator<Changed> ORDER =
      Comparator.comparingLong(Changed::version).thenComparing(Changed::holderId);

  private final TreePSet<Changed> changes;
  private final long reachesBack;

  private HoldJournal(TreePSet<Changed> changes, long reachesBack) {
    this.changes = changes;
    this.reachesBack = reachesBack;
  }

  /** A journal of a value restored at {@code version}: it knows nothing from before then. */
  static HoldJournal startingAt(long version) {
    return new HoldJournal(TreePSet.empty(ORDER), version);
  }

  /** The journal once {@code holderId}'s hold changed at {@code version}, trimmed to its bound. */
  HoldJournal changed(String holderId, long version, int holds) {
    TreePSet<Changed> next = changes.plus(new Changed(version, holderId));
    long reach = reachesBack;
    while (next.size() > 2 * holds + SLACK) {
      reach = next.first().version();
      next = next.minusFirst();
    }
    return new HoldJournal(next, reach);
  }

  /**
   * The holders changed after {@code storedVersion} up to {@code currentVersion}, or empty when the
   * journal can't tell: it doesn't reach back that far, or the stored version is not one of this
   * value's past.
   */
  Optional<Collection<String>> holdersChangedAfter(long storedVersion, long currentVersion) {
    if (storedVersion < reachesBack || storedVersion > currentVersion) {
      return Optional.empty();
    }
    Collection<String> holders = new LinkedHashSet<>();
    changes
        .tailSet(new Changed(storedVersion + 1, ""), true)
        .forEach(change -> holders.add(change.holderId()));
    return Optional.of(holders);
  }
}
