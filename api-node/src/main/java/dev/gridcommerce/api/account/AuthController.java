package dev.gridcommerce.api.account;

import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.account.Account;
import dev.gridcommerce.domain.account.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sign-up, login and the caller's own profile. */
@RestController
@RequestMapping("/api/v1")
class AuthController {

  private final AccountService accounts;
  private final LoginAttempts attempts;

  AuthController(AccountService accounts, LoginAttempts attempts) {
    this.accounts = accounts;
    this.attempts = attempts;
  }

  record RegisterRequest(
      @NotBlank @Email @Size(max = 254) String email,
      @NotBlank @Size(min = 10, max = 128, message = "must be 10 to 128 characters")
          String password,
      @NotBlank @Size(max = 100) String name) {}

  record Registered(String userId) {}

  record LoginRequest(@NotBlank String email, @NotBlank String password) {}

  record LoginResponse(String accessToken, String tokenType, long expiresIn) {}

  record Profile(String userId, String email, String name, Set<Role> roles, Set<String> storeIds) {
    static Profile of(Account account) {
      return new Profile(
          account.userId(), account.email(), account.name(), account.roles(), account.storeIds());
    }
  }

  @PostMapping("/auth/register")
  ResponseEntity<Registered> register(@Valid @RequestBody RegisterRequest request) {
    Account account =
        accounts.register(
            request.email(), request.password(), request.name(), Set.of(Role.SHOPPER), Set.of());
    return ResponseEntity.created(URI.create("/api/v1/me")).body(new Registered(account.userId()));
  }

  /**
   * A login; an account with too many failed logins lately (from anywhere) must wait, told how
   * long, even with the right password: guessing gets a few tries per window.
   */
  @PostMapping("/auth/login")
  LoginResponse login(@Valid @RequestBody LoginRequest request) {
    Optional<Duration> wait = attempts.mustWait(request.email());
    if (wait.isPresent()) {
      throw ApiProblem.tooManyRequests(
          "too-many-failed-logins",
          "Too many failed logins",
          "too many failed logins for this account",
          wait.get());
    }
    try {
      TokenService.IssuedToken token = accounts.login(request.email(), request.password());
      return new LoginResponse(token.value(), "Bearer", token.expiresIn().toSeconds());
    } catch (ApiProblem refused) {
      if (refused.getStatusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
        attempts.failed(request.email());
      }
      throw refused;
    }
  }

  @GetMapping("/me")
  Profile me(@AuthenticationPrincipal Caller caller) {
    return Profile.of(accounts.get(caller));
  }
}
