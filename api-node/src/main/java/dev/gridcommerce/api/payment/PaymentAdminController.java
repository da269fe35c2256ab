package dev.gridcommerce.api.payment;

import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.grid.payment.Payments;
import dev.gridcommerce.grid.payment.Reconciliation;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payment operations for ADMIN: {@code POST /admin/payments/reconcile} asks Stripe now about the
 * payment of every order still unpaid {@code olderThanSeconds} (default 120) after it was placed,
 * and applies what it finds as the webhook would, as the grid's periodic reconciliation does.
 */
@RestController
@RequestMapping("/api/v1/admin/payments")
class PaymentAdminController {

  private final Payments payments;

  PaymentAdminController(Payments payments) {
    this.payments = payments;
  }

  @PostMapping("/reconcile")
  Reconciliation reconcile(
      @RequestParam(name = "olderThanSeconds", defaultValue = "120") long olderThanSeconds) {
    if (olderThanSeconds < 0 || olderThanSeconds > Duration.ofDays(1).toSeconds()) {
      throw ApiProblem.invalid("olderThanSeconds", "must be between 0 and 86400");
    }
    if (!payments.takesPayments()) {
      throw new ApiProblem(
          HttpStatus.SERVICE_UNAVAILABLE,
          "payments-not-configured",
          "Payments not configured",
          "this API node has no STRIPE_SECRET_KEY, so it can't ask Stripe");
    }
    return payments.reconcile(Duration.ofSeconds(olderThanSeconds));
  }
}
