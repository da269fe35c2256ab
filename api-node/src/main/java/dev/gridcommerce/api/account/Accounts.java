package dev.gridcommerce.api.account;

import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.account.Account;
import dev.gridcommerce.domain.account.Role;
import dev.gridcommerce.grid.support.GridMaps;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Sign-up and sign-in against the grid's {@code accounts} map (keyed by normalized email). */
@Service
public class Accounts {

  private final GridMaps maps;
  private final PasswordEncoder passwords;
  private final TokenService tokens;
  private final Clock clock;
  private final String unknownUserHash;

  Accounts(GridMaps maps, PasswordEncoder passwords, TokenService tokens, Clock clock) {
    this.maps = maps;
    this.passwords = passwords;
    this.tokens = tokens;
    this.clock = clock;
    // compared against when the email is unknown, so both failures take the same time
    this.unknownUserHash = passwords.encode(UUID.randomUUID().toString());
  }

  /** Creates an account, unless one with that email exists; atomic across API nodes. */
  public Account register(
      String email, String password, String name, Set<Role> roles, Set<String> storeIds) {
    Account account =
        new Account(
            UUID.randomUUID().toString(),
            email,
            name.strip(),
            passwords.encode(password),
            roles,
            storeIds,
            clock.instant());
    if (maps.accounts().putIfAbsent(account.email(), account) != null) {
      throw new ApiProblem(
          HttpStatus.CONFLICT,
          "email-taken",
          "Email already registered",
          "an account with this email exists; log in instead");
    }
    return account;
  }

  public TokenService.IssuedToken login(String email, String password) {
    Account account = maps.accounts().get(Account.normalizeEmail(email));
    boolean matches =
        passwords.matches(password, account == null ? unknownUserHash : account.passwordHash());
    if (account == null || !matches) {
      throw new ApiProblem(
          HttpStatus.UNAUTHORIZED, "bad-credentials", "Login failed", "wrong email or password");
    }
    return tokens.issue(account);
  }

  public Account get(Caller caller) {
    Account account = maps.accounts().get(caller.email());
    if (account == null) {
      throw ApiProblem.notFound("this account no longer exists");
    }
    return account;
  }
}
