package dev.gridcommerce.grid.ratelimit;

/** The grid didn't answer whether a request is within its limit in time (or failed to). */
public final class RateLimitUnavailable extends Exception {

  public RateLimitUnavailable(Throwable cause) {
    super("the rate limit could not be read in time: " + cause, cause);
  }
}
