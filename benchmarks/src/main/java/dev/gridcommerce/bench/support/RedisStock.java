package dev.gridcommerce.bench.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * The Redis peer of the grid's stock holds: one hash per (store, sku) with {@code onHand} and
 * {@code reserved}, and the check-and-change as a Lua script Redis runs atomically, as a well-built
 * Redis shop would do it. One Redis instance on loopback without persistence or replication ({@code
 * bin/redis}), so its peer on the grid side is the lone member.
 */
public final class RedisStock implements AutoCloseable {

  private static final String HOLD =
      """
      local stock = redis.call('HMGET', KEYS[1], 'onHand', 'reserved')
      local units = tonumber(ARGV[1])
      if tonumber(stock[1]) - tonumber(stock[2]) >= units then
        redis.call('HINCRBY', KEYS[1], 'reserved', units)
        return 1
      end
      return 0
      """;

  private static final String RELEASE =
      """
      local reserved = tonumber(redis.call('HGET', KEYS[1], 'reserved'))
      local units = tonumber(ARGV[1])
      if reserved >= units then
        redis.call('HINCRBY', KEYS[1], 'reserved', -units)
        return 1
      end
      return 0
      """;

  private final JedisPool pool;
  private final String holdSha;
  private final String releaseSha;
  private final String prefix;

  public RedisStock(String storeId, int products, int unitsEach) {
    int port = Integer.parseInt(System.getenv().getOrDefault("REDIS_PORT", "6390"));
    JedisPoolConfig config = new JedisPoolConfig();
    config.setMaxTotal(64);
    config.setMaxIdle(64);
    pool = new JedisPool(config, "127.0.0.1", port);
    prefix = "bench:" + System.nanoTime() + ":" + storeId + ":";
    try (Jedis redis = pool.getResource()) {
      holdSha = redis.scriptLoad(HOLD);
      releaseSha = redis.scriptLoad(RELEASE);
      var pipeline = redis.pipelined();
      for (int i = 0; i < products; i++) {
        Map<String, String> stock = new HashMap<>();
        stock.put("onHand", String.valueOf(unitsEach));
        stock.put("reserved", "0");
        pipeline.hset(key(i), stock);
      }
      pipeline.sync();
    }
  }

  private String key(int product) {
    return prefix + KeyChooser.sku(product);
  }

  public Jedis connection() {
    return pool.getResource();
  }

  public boolean hold(Jedis redis, int product, int units) {
    return Long.valueOf(1)
        .equals(redis.evalsha(holdSha, List.of(key(product)), List.of(String.valueOf(units))));
  }

  public boolean release(Jedis redis, int product, int units) {
    return Long.valueOf(1)
        .equals(redis.evalsha(releaseSha, List.of(key(product)), List.of(String.valueOf(units))));
  }

  @Override
  public void close() {
    try (Jedis redis = pool.getResource()) {
      var keys = redis.keys(prefix + "*");
      if (!keys.isEmpty()) {
        redis.del(keys.toArray(String[]::new));
      }
    }
    pool.close();
  }
}
