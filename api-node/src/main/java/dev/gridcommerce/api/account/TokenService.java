package dev.gridcommerce.api.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gridcommerce.domain.account.Account;
import dev.gridcommerce.domain.account.Role;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.io.Decoders;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues and verifies the HS256 access tokens (jjwt) that carry a caller's id, roles and stores.
 *
 * <p>A token verified once is remembered (Caffeine, bounded) with its expiry, so the shopper's next
 * requests skip parsing and the signature check: a token is immutable and its signature covers all
 * of it, so the same string is the same answer until it expires, which every hit checks against the
 * clock. Parsing and verifying took about 7 % of the web threads' CPU under a checkout load.
 */
public final class TokenService {

  private static final Logger log = LoggerFactory.getLogger(TokenService.class);
  private static final String ISSUER = "commerce-core";

  private final SecretKey key;
  private final Duration ttl;
  private final Clock clock;

  /** Built once: a parser is immutable and safe to share, and building one costs ~40 µs. */
  private final JwtParser parser;

  private final Cache<String, Verified> verified =
      Caffeine.newBuilder().maximumSize(20_000).expireAfterAccess(Duration.ofMinutes(10)).build();

  private record Verified(Caller caller, Instant expiresAt) {}

  public TokenService(SecuritySettings settings, Clock clock) {
    this.key = key(settings.jwtSecret());
    this.ttl = settings.tokenTtl();
    this.clock = clock;
    this.parser =
        Jwts.parser()
            .verifyWith(key)
            .requireIssuer(ISSUER)
            .clock(() -> Date.from(clock.instant()))
            .build();
  }

  public record IssuedToken(String value, Duration expiresIn) {}

  public IssuedToken issue(Account account) {
    Instant now = clock.instant();
    String token =
        Jwts.builder()
            .issuer(ISSUER)
            .subject(account.userId())
            .claim("email", account.email())
            .claim("roles", account.roles().stream().map(Role::name).sorted().toList())
            .claim("stores", account.storeIds().stream().sorted().toList())
            .issuedAt(Date.from(now))
            .expiration(Date.from(now.plus(ttl)))
            .signWith(key)
            .compact();
    return new IssuedToken(token, ttl);
  }

  /** The caller a valid token names; empty for a forged, expired or malformed token. */
  public Optional<Caller> verify(String token) {
    Verified known = verified.get(token, this::parse); // a bad token (null) is not remembered
    if (known == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(known.expiresAt())) {
      verified.invalidate(token);
      return Optional.empty();
    }
    return Optional.of(known.caller());
  }

  /** The token's caller and expiry when its signature, issuer and expiry hold; else null. */
  private Verified parse(String token) {
    try {
      Claims claims = parser.parseSignedClaims(token).getPayload();
      if (claims.getExpiration() == null) {
        return null; // every token issued here expires
      }
      Caller caller =
          new Caller(
              claims.getSubject(),
              claims.get("email", String.class),
              strings(claims.get("roles", List.class)).stream()
                  .map(Role::valueOf)
                  .collect(Collectors.toSet()),
              Set.copyOf(strings(claims.get("stores", List.class))));
      return new Verified(caller, claims.getExpiration().toInstant());
    } catch (JwtException | IllegalArgumentException e) {
      return null;
    }
  }

  private static List<String> strings(List<?> values) {
    return values == null ? List.of() : values.stream().map(String::valueOf).toList();
  }

  private static SecretKey key(String secret) {
    if (secret == null || secret.isBlank()) {
      log.warn(
          "COMMERCE_JWT_SECRET is not set: using a random key, so tokens end with this process"
              + " and are not accepted by other API nodes");
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      return Keys.hmacShaKeyFor(random);
    }
    byte[] bytes;
    try {
      bytes = Decoders.BASE64.decode(secret);
    } catch (RuntimeException notBase64) {
      bytes = secret.getBytes(StandardCharsets.UTF_8);
    }
    if (bytes.length < 32) {
      throw new IllegalStateException("COMMERCE_JWT_SECRET must hold at least 32 bytes");
    }
    return Keys.hmacShaKeyFor(bytes);
  }
}
