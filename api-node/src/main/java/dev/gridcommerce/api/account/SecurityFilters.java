package dev.gridcommerce.api.account;

/** Filters other capabilities give the security chain, by bean name. */
public final class SecurityFilters {

  /** The rate limits' filter: it runs right after authentication, so it knows the caller. */
  public static final String RATE_LIMITS = "rateLimitFilter";

  private SecurityFilters() {}
}
