package dev.gridcommerce.api.fulfilment;

import dev.gridcommerce.api.order.OrderView;
import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.grid.fulfilment.Fulfilment;
import org.springframework.http.HttpStatus;

/** A fulfilment step's answer as HTTP: the order, or the problem it was refused with. */
final class FulfilmentAnswers {

  private FulfilmentAnswers() {}

  static OrderView of(Fulfilment.Step step) {
    if (step.isDone()) {
      return OrderView.of(step.order());
    }
    throw problem(step);
  }

  static ApiProblem problem(Fulfilment.Step step) {
    return switch (step.refusal()) {
      case NO_SUCH_ORDER, NO_SUCH_LINE -> ApiProblem.notFound(step.detail());
      case WRONG_PRODUCT ->
          new ApiProblem(
              HttpStatus.UNPROCESSABLE_CONTENT, "wrong-product", "Not this product", step.detail());
      case WRONG_QUANTITY ->
          new ApiProblem(
              HttpStatus.UNPROCESSABLE_CONTENT,
              "wrong-quantity",
              "Not this quantity",
              step.detail());
      case NOT_A_BATCH ->
          new ApiProblem(
              HttpStatus.UNPROCESSABLE_CONTENT, "not-a-batch", "Not one batch", step.detail());
      case WRONG_STATUS ->
          new ApiProblem(HttpStatus.CONFLICT, "wrong-status", "Not now", step.detail());
      case BUSY ->
          new ApiProblem(
              HttpStatus.CONFLICT,
              "order-busy",
              "Order busy",
              "the order is still applying its last change; retry in a few seconds");
    };
  }
}
