package dev.gridcommerce.domain.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryPromiseTest {

  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
  private static final PromiseTerms TERMS = PromiseTerms.DEFAULT;

  private static DeliveryPromise promise(PickQueue queue, int pickers, double km) {
    return DeliveryPromise.estimate(TERMS, queue, pickers, 3, 5, km, NOW);
  }

  @Test
  void anIdleStoreNearbyPromisesPickingHandoverAndTheRide() {
    DeliveryPromise idle = promise(PickQueue.EMPTY, 2, 2.0);

    // 75 s + 3 lines x 10 s + 5 units x 3 s = 120 s; 5 min handover; 2 km at 15 km/h = 8 min
    assertThat(idle.picking()).isEqualTo(Duration.ofSeconds(120));
    assertThat(idle.ride()).isEqualTo(Duration.ofMinutes(8));
    assertThat(idle.queueWait()).isZero();
    assertThat(idle.total()).isEqualTo(Duration.ofMinutes(15));
    assertThat(idle.minutes()).isEqualTo(15);
    assertThat(idle.at()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    assertThat(idle.deliverable()).isTrue();
    assertThat(idle.staffed()).isTrue();
  }

  @Test
  void thePromiseGrowsWithTheQueueAndFallsWithMorePickers() {
    PickQueue small = new PickQueue(4, 12, 20);
    PickQueue large = new PickQueue(12, 36, 60);

    assertThat(promise(large, 2, 2.0).total()).isGreaterThan(promise(small, 2, 2.0).total());
    assertThat(promise(large, 4, 2.0).total()).isLessThan(promise(large, 2, 2.0).total());
    // 12 orders: 12 x 75 s + 36 x 10 s + 60 x 3 s = 1,440 s of picking, shared by 4 pickers
    assertThat(promise(large, 4, 2.0).queueWait()).isEqualTo(Duration.ofSeconds(360));
  }

  @Test
  void aStoreOverItsMaximumOrWithNobodyPickingCantPromise() {
    DeliveryPromise swamped = promise(new PickQueue(40, 120, 200), 2, 2.5);
    DeliveryPromise unstaffed = promise(PickQueue.EMPTY, 0, 1.0);

    assertThat(swamped.total()).isGreaterThan(TERMS.maximum());
    assertThat(swamped.deliverable()).isFalse();
    assertThat(swamped.minutes()).isEqualTo((swamped.total().toSeconds() + 59) / 60);
    assertThat(unstaffed.deliverable()).isFalse();
    assertThat(unstaffed.staffed()).isFalse();
  }

  @Test
  void nonsenseIsRefused() {
    assertThatThrownBy(() -> promise(PickQueue.EMPTY, -1, 1.0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PickQueue(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() ->
            new PromiseTerms(
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                0,
                Duration.ZERO,
                Duration.ofMinutes(30)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
