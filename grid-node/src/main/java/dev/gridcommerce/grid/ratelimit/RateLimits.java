package dev.gridcommerce.grid.ratelimit;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.grid.support.GridMaps;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.grid.hazelcast.Bucket4jHazelcast;
import io.github.bucket4j.grid.hazelcast.HazelcastProxyManager;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Rate limits shared by every API node: the one door to the {@code rate-limits} map. Each limit is
 * a token bucket per (policy, client) held on the grid (Bucket4j's Hazelcast backend: taking a
 * token is an entry processor on the bucket's key, so two API nodes never both spend the last one),
 * refilled greedily over the policy's window.
 */
public final class RateLimits {

  /** Bucket4j's serializers take Hazelcast type ids from here on (below them: none of ours). */
  public static final int SERIALIZER_TYPE_IDS_FROM = 7_000;

  /** A limit: at most {@code capacity} requests per {@code window}, refilled as time passes. */
  public record Policy(String name, long capacity, Duration window) {

    public Policy {
      Objects.requireNonNull(name, "name");
      if (capacity < 1 || !window.isPositive()) {
        throw new IllegalArgumentException(
            "a rate limit allows at least 1 request in a positive window: " + name);
      }
    }

    BucketConfiguration bucket() {
      return BucketConfiguration.builder()
          .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
          .build();
    }
  }

  /**
   * What a request came to: allowed or not, the requests left in the window, and when the next one
   * is allowed again (zero while some are left).
   */
  public record Verdict(Policy policy, boolean allowed, long remaining, Duration retryAfter) {

    /** Seconds until the bucket is full again, at most the window: {@code t} of the header. */
    public long resetSeconds() {
      long missing = policy.capacity() - remaining;
      return (long) Math.ceil(policy.window().toSeconds() * missing / (double) policy.capacity());
    }
  }

  private final HazelcastProxyManager<String> buckets;

  public RateLimits(HazelcastInstance grid) {
    this.buckets =
        Bucket4jHazelcast.entryProcessorBasedBuilder(new GridMaps(grid).rateLimits()).build();
  }

  /** Registers Bucket4j's serializers: every member and client of the grid needs them. */
  public static void registerSerializers(SerializationConfig config) {
    HazelcastProxyManager.addCustomSerializers(config, SERIALIZER_TYPE_IDS_FROM);
  }

  /**
   * Takes one request of {@code client}'s allowance under the policy, waiting at most {@code wait}.
   */
  public Verdict take(Policy policy, String client, Duration wait) throws RateLimitUnavailable {
    ConsumptionProbe probe = await(bucket(policy, client).tryConsumeAndReturnRemaining(1), wait);
    Duration retryAfter =
        probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    return new Verdict(policy, probe.isConsumed(), probe.getRemainingTokens(), retryAfter);
  }

  /**
   * Whether {@code client} has any of its allowance left under the policy, taking none (a check
   * before work that only costs when it fails: a wrong password).
   */
  public Verdict peek(Policy policy, String client, Duration wait) throws RateLimitUnavailable {
    long left = await(bucket(policy, client).getAvailableTokens(), wait);
    Duration oneToken = policy.window().dividedBy(policy.capacity());
    return new Verdict(policy, left > 0, Math.max(0, left), left > 0 ? Duration.ZERO : oneToken);
  }

  private AsyncBucketProxy bucket(Policy policy, String client) {
    // the key names the policy's terms too: changed terms start from a full bucket of their own
    String key =
        policy.name() + ":" + policy.capacity() + "/" + policy.window().toSeconds() + ":" + client;
    return buckets.asAsync().builder().build(key, policy.bucket());
  }

  private static <T> T await(CompletableFuture<T> answer, Duration wait)
      throws RateLimitUnavailable {
    try {
      return answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RateLimitUnavailable(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new RateLimitUnavailable(e);
    }
  }
}
