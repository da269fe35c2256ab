package dev.gridcommerce.grid.checkout;

import dev.gridcommerce.domain.checkout.CheckoutAttempt;
import dev.gridcommerce.domain.checkout.ShortLine;
import dev.gridcommerce.grid.testing.SerializationRoundTrip;
import java.util.List;
import java.util.stream.Stream;

class CheckoutSerializationTest extends SerializationRoundTrip {

  @Override
  protected Stream<Object> samples() {
    return Stream.of(
        new CheckoutAttempt(
            "hash",
            "o1",
            "token",
            CheckoutAttempt.State.SHORT,
            AT,
            List.of(new ShortLine("FRU-00001", 3, 1))),
        new BeginAttemptProcessor("hash", "o1", "token", AT, AT.plusSeconds(30)));
  }
}
