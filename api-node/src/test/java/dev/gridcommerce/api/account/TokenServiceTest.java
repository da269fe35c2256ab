package dev.gridcommerce.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.account.Account;
import dev.gridcommerce.domain.account.Role;
import dev.gridcommerce.grid.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

  private static final String SECRET = "a-test-secret-of-at-least-thirty-two-bytes";
  private static final Account STAFF =
      new Account(
          "u-1",
          "staff@example.test",
          "Staff",
          "hash",
          Set.of(Role.STAFF, Role.SHOPPER),
          Set.of("berlin-mitte"),
          Instant.parse("2026-01-01T00:00:00Z"));

  private final TestClock clock = new TestClock();
  private final TokenService tokens =
      new TokenService(new SecuritySettings(SECRET, Duration.ofHours(1)), clock);

  @Test
  void aTokenNamesItsCallerEveryTimeItIsShown() {
    String token = tokens.issue(STAFF).value();

    for (int shown = 0; shown < 3; shown++) {
      assertThat(tokens.verify(token))
          .contains(
              new Caller(
                  "u-1",
                  "staff@example.test",
                  Set.of(Role.STAFF, Role.SHOPPER),
                  Set.of("berlin-mitte")));
    }
  }

  @Test
  void aTokenVerifiedBeforeIsRefusedOnceItHasExpired() {
    String token = tokens.issue(STAFF).value();
    assertThat(tokens.verify(token)).isPresent();

    clock.advance(Duration.ofMinutes(59));
    assertThat(tokens.verify(token)).isPresent();
    clock.advance(Duration.ofMinutes(1));
    assertThat(tokens.verify(token)).isEmpty();
  }

  @Test
  void aTokenSignedWithAnotherKeyOrAlteredIsRefused() {
    TokenService otherShop =
        new TokenService(
            new SecuritySettings(
                "another-secret-of-at-least-thirty-two-bytes", Duration.ofHours(1)),
            clock);
    String foreign = otherShop.issue(STAFF).value();
    String token = tokens.issue(STAFF).value();
    assertThat(tokens.verify(token)).isPresent();
    String[] parts = token.split("\\.");
    String altered = parts[0] + "." + parts[1] + "x." + parts[2];

    assertThat(tokens.verify(foreign)).isEmpty();
    assertThat(tokens.verify(altered)).isEmpty();
    assertThat(tokens.verify("not.a.token")).isEmpty();
  }
}
