package dev.gridcommerce.domain.pricing;

import dev.gridcommerce.domain.catalog.Money;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a voucher gives and when: its code (compared without regard to case, kept upper-case), its
 * kind and value, the smallest basket it applies to, its validity window {@code [validFrom,
 * validUntil)}, how many orders may redeem it in all and per shopper.
 *
 * @param percentBasisPoints the share off for {@link VoucherKind#PERCENTAGE} (1 to 10,000), else 0
 * @param amountOff the amount off for {@link VoucherKind#FIXED_AMOUNT}, else zero; its currency is
 *     the voucher's, which only baskets in that currency can use
 */
public record VoucherTerms(
    String code,
    VoucherKind kind,
    int percentBasisPoints,
    Money amountOff,
    Money minimumBasket,
    Instant validFrom,
    Instant validUntil,
    int maxRedemptions,
    int maxPerShopper) {

  private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{2,31}");

  /** Terms that make no sense, naming the term that is wrong. */
  public static final class InvalidTermsException extends IllegalArgumentException {
    private final String field;

    InvalidTermsException(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  public VoucherTerms {
    code = normalize(code);
    if (!isValidCode(code)) {
      throw new InvalidTermsException(
          "code", "must be 3-32 letters, digits, '-' or '_', starting with a letter or digit");
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(amountOff, "amountOff");
    Objects.requireNonNull(minimumBasket, "minimumBasket");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validUntil, "validUntil");
    amountOff.requireSameCurrency(minimumBasket);
    if (!validUntil.isAfter(validFrom)) {
      throw new InvalidTermsException("validUntil", "must be after validFrom (" + validFrom + ")");
    }
    if (minimumBasket.isNegative()) {
      throw new InvalidTermsException("minimumBasket", "can't be negative");
    }
    if (maxRedemptions < 1 || maxPerShopper < 1) {
      throw new InvalidTermsException(
          maxRedemptions < 1 ? "maxRedemptions" : "maxPerShopper", "must be at least 1");
    }
    switch (kind) {
      case PERCENTAGE -> {
        if (percentBasisPoints < 1 || percentBasisPoints > 10_000 || amountOff.isPositive()) {
          throw new InvalidTermsException(
              "percentBasisPoints",
              "a PERCENTAGE voucher takes off 1 to 10,000 basis points and no amountOff");
        }
      }
      case FIXED_AMOUNT -> {
        if (!amountOff.isPositive() || percentBasisPoints != 0) {
          throw new InvalidTermsException(
              "amountOff",
              "a FIXED_AMOUNT voucher takes off a positive amountOff and no percentage");
        }
      }
      case FREE_DELIVERY -> {
        if (amountOff.isPositive() || percentBasisPoints != 0) {
          throw new InvalidTermsException(
              "kind", "a FREE_DELIVERY voucher takes neither a percentage nor an amount off");
        }
      }
    }
  }

  /** The code as vouchers are keyed: upper-case, without surrounding blanks. */
  public static String normalize(String code) {
    return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
  }

  public static boolean isValidCode(String code) {
    return code != null && CODE.matcher(code).matches();
  }

  public String currency() {
    return amountOff.currency();
  }

  /**
   * Why the voucher doesn't apply to goods worth {@code goods} at {@code now} (empty: it applies,
   * as far as its terms go; its redemptions are counted where they are held).
   */
  public Optional<String> whyNot(Money goods, Instant now) {
    if (!goods.currency().equals(currency())) {
      return Optional.of("this voucher is for baskets in " + currency());
    }
    if (now.isBefore(validFrom)) {
      return Optional.of("this voucher is valid from " + validFrom);
    }
    if (!now.isBefore(validUntil)) {
      return Optional.of("this voucher expired at " + validUntil);
    }
    if (goods.amountMinor() < minimumBasket.amountMinor()) {
      return Optional.of(
          "this voucher needs a basket of at least "
              + Money.format(minimumBasket)
              + "; add "
              + Money.format(minimumBasket.minus(goods)));
    }
    return Optional.empty();
  }
}
