package dev.gridcommerce.api.pricing;

import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.pricing.Voucher;
import dev.gridcommerce.domain.pricing.VoucherKind;
import dev.gridcommerce.domain.pricing.VoucherTerms;
import dev.gridcommerce.grid.pricing.Vouchers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * ADMIN creates, lists and deletes vouchers: {@code POST /admin/vouchers} {code, kind, percent or
 * amount off, currency, minimum basket, validity, limits}; a code is unique regardless of case (409
 * when taken). A deleted voucher can't be held by new orders; orders holding it keep their
 * discount.
 */
@RestController
@RequestMapping("/api/v1/admin/vouchers")
class VoucherAdminController {

  private final Vouchers vouchers;
  private final Clock clock;

  VoucherAdminController(Vouchers vouchers, Clock clock) {
    this.vouchers = vouchers;
    this.clock = clock;
  }

  /**
   * A new voucher. {@code percentBasisPoints} for PERCENTAGE (1000 = 10 %), {@code amountOff} in
   * minor units for FIXED_AMOUNT; {@code validFrom} defaults to now, {@code maxPerShopper} to 1.
   */
  record NewVoucher(
      @NotBlank String code,
      @NotBlank String kind,
      @Min(1) @Max(10_000) Integer percentBasisPoints,
      @PositiveOrZero Long amountOff,
      @NotBlank String currency,
      @PositiveOrZero Long minimumBasket,
      Instant validFrom,
      @NotNull Instant validUntil,
      @NotNull @Min(1) Integer maxRedemptions,
      @Min(1) Integer maxPerShopper) {}

  /** A voucher with how many of its uses are held by unpaid orders and redeemed by paid ones. */
  record VoucherView(
      String code,
      VoucherKind kind,
      int percentBasisPoints,
      Money amountOff,
      Money minimumBasket,
      Instant validFrom,
      Instant validUntil,
      int maxRedemptions,
      int maxPerShopper,
      long held,
      long redeemed,
      int usesLeft) {

    static VoucherView of(Voucher voucher, Instant now) {
      VoucherTerms terms = voucher.terms();
      long redeemed = voucher.uses().stream().filter(use -> use.redeemed()).count();
      int counted = voucher.usesAt(now);
      return new VoucherView(
          terms.code(),
          terms.kind(),
          terms.percentBasisPoints(),
          terms.amountOff(),
          terms.minimumBasket(),
          terms.validFrom(),
          terms.validUntil(),
          terms.maxRedemptions(),
          terms.maxPerShopper(),
          counted - redeemed,
          redeemed,
          Math.max(0, terms.maxRedemptions() - counted));
    }
  }

  @PostMapping
  ResponseEntity<VoucherView> create(@Valid @RequestBody NewVoucher body) {
    VoucherTerms terms = terms(body);
    if (!vouchers.create(terms)) {
      throw new ApiProblem(
          HttpStatus.CONFLICT,
          "voucher-exists",
          "Voucher code taken",
          "a voucher with the code " + terms.code() + " exists already");
    }
    Voucher created = vouchers.voucher(terms.code()).orElseThrow();
    return ResponseEntity.created(URI.create("/api/v1/admin/vouchers/" + terms.code()))
        .body(VoucherView.of(created, clock.instant()));
  }

  @GetMapping
  List<VoucherView> list() {
    Instant now = clock.instant();
    return vouchers.all().stream().map(voucher -> VoucherView.of(voucher, now)).toList();
  }

  @GetMapping("/{code}")
  VoucherView voucher(@PathVariable String code) {
    return vouchers
        .voucher(code)
        .map(voucher -> VoucherView.of(voucher, clock.instant()))
        .orElseThrow(() -> ApiProblem.notFound("no voucher has the code '" + code + "'"));
  }

  @DeleteMapping("/{code}")
  ResponseEntity<Void> delete(@PathVariable String code) {
    if (!vouchers.delete(code)) {
      throw ApiProblem.notFound("no voucher has the code '" + code + "'");
    }
    return ResponseEntity.noContent().build();
  }

  private VoucherTerms terms(NewVoucher body) {
    VoucherKind kind;
    try {
      kind = VoucherKind.valueOf(body.kind().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw ApiProblem.invalid("kind", "must be one of " + Arrays.toString(VoucherKind.values()));
    }
    String currency = body.currency().strip().toUpperCase(Locale.ROOT);
    if (!Money.isKnownCurrency(currency)) {
      throw ApiProblem.invalid("currency", "must be an ISO 4217 code such as EUR");
    }
    try {
      return new VoucherTerms(
          body.code(),
          kind,
          body.percentBasisPoints() == null ? 0 : body.percentBasisPoints(),
          Money.of(body.amountOff() == null ? 0 : body.amountOff(), currency),
          Money.of(body.minimumBasket() == null ? 0 : body.minimumBasket(), currency),
          body.validFrom() == null ? clock.instant() : body.validFrom(),
          body.validUntil(),
          body.maxRedemptions(),
          body.maxPerShopper() == null ? 1 : body.maxPerShopper());
    } catch (VoucherTerms.InvalidTermsException invalid) {
      throw ApiProblem.invalid(invalid.field(), invalid.getMessage());
    }
  }
}
