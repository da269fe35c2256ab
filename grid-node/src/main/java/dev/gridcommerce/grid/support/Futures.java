package dev.gridcommerce.grid.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Waiting for grid calls made at once. A failure comes out as the grid threw it (not wrapped in a
 * {@link CompletionException}), so the API answers it as it would the same call made alone: a
 * member that died mid-change is still a 503, not a 500.
 */
public final class Futures {

  private Futures() {}

  /** The result, or the failure as thrown. */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** Waits for every one, even when one fails, then throws the first failure as thrown. */
  public static void joinAll(CompletableFuture<?>... futures) {
    awaitAll(futures);
    for (CompletableFuture<?> future : futures) {
      join(future);
    }
  }

  /** Waits until every one has ended, failed or not; throws nothing. */
  public static void awaitAll(CompletableFuture<?>... futures) {
    CompletableFuture.allOf(futures).exceptionally(e -> null).join();
  }
}
