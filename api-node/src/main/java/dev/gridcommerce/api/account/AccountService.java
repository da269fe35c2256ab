package dev.gridcommerce.api.account;

import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.account.Account;
import dev.gridcommerce.domain.account.Role;
import dev.gridcommerce.grid.account.Accounts;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sign-up and sign-in: passwords hashed here, accounts kept by the grid's {@link Accounts} (an
 * email is taken once, atomically, across API nodes), tokens issued by the {@link TokenService}.
 */
public class AccountService {

  private final Accounts accounts;
  private final PasswordEncoder passwords;
  private final TokenService tokens;
  private final Clock clock;
  private final String unknownUserHash;

  AccountService(Accounts accounts, PasswordEncoder passwords, TokenService tokens, Clock clock) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.tokens = tokens;
    this.clock = clock;
    // compared against when the email is unknown, so both failures take the same time
    this.unknownUserHash = passwords.encode(UUID.randomUUID().toString());
  }

  /** Creates an account, unless one with that email exists. */
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
    if (!accounts.create(account)) {
      throw new ApiProblem(
          HttpStatus.CONFLICT,
          "email-taken",
          "Email already registered",
          "an account with this email exists; log in instead");
    }
    return account;
  }

  public TokenService.IssuedToken login(String email, String password) {
    Account account = accounts.find(email).orElse(null);
    boolean matches =
        passwords.matches(password, account == null ? unknownUserHash : account.passwordHash());
    if (account == null || !matches) {
      throw new ApiProblem(
          HttpStatus.UNAUTHORIZED, "bad-credentials", "Login failed", "wrong email or password");
    }
    return tokens.issue(account);
  }

  public Account get(Caller caller) {
    return accounts
        .find(caller.email())
        .orElseThrow(() -> ApiProblem.notFound("this account no longer exists"));
  }
}
