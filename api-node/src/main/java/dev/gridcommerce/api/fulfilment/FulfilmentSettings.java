package dev.gridcommerce.api.fulfilment;

import dev.gridcommerce.domain.fulfilment.PromiseTerms;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the delivery promise assumes of every store until stores keep their own shifts: {@code
 * pickers} on shift, picking {@code perOrder} + {@code perLine} + {@code perUnit}, riders at {@code
 * riderKmh}, a {@code handover}, and the {@code maximum} a store promises (see {@link PromiseTerms}
 * for the defaults' sources).
 */
@ConfigurationProperties("commerce.fulfilment")
public record FulfilmentSettings(
    Integer pickers,
    Duration perOrder,
    Duration perLine,
    Duration perUnit,
    Double riderKmh,
    Duration handover,
    Duration maximum) {

  public FulfilmentSettings {
    PromiseTerms defaults = PromiseTerms.DEFAULT;
    pickers = pickers == null ? 2 : pickers;
    perOrder = perOrder == null ? defaults.perOrder() : perOrder;
    perLine = perLine == null ? defaults.perLine() : perLine;
    perUnit = perUnit == null ? defaults.perUnit() : perUnit;
    riderKmh = riderKmh == null ? defaults.riderKmh() : riderKmh;
    handover = handover == null ? defaults.handover() : handover;
    maximum = maximum == null ? defaults.maximum() : maximum;
    if (pickers < 0) {
      throw new IllegalArgumentException("commerce.fulfilment.pickers can't be negative");
    }
    new PromiseTerms(perOrder, perLine, perUnit, riderKmh, handover, maximum); // refuses nonsense
  }

  public PromiseTerms terms() {
    return new PromiseTerms(perOrder, perLine, perUnit, riderKmh, handover, maximum);
  }
}
