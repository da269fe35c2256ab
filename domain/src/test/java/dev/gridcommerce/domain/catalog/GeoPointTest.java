package dev.gridcommerce.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoPointTest {

  @Test
  void distanceBetweenBerlinAndParisIsAbout878Km() {
    GeoPoint berlin = new GeoPoint(52.5200, 13.4050);
    GeoPoint paris = new GeoPoint(48.8566, 2.3522);

    assertThat(berlin.distanceKm(paris)).isCloseTo(878, within(5.0));
    assertThat(berlin.distanceKm(berlin)).isZero();
  }

  @Test
  void storeDeliversOnlyWithinItsRadius() {
    DarkStore store = new DarkStore("s", "S", new GeoPoint(52.52, 13.405), 3.0, false, "EUR");

    assertThat(store.delivers(new GeoPoint(52.53, 13.41))).isTrue();
    assertThat(store.delivers(new GeoPoint(52.60, 13.41))).isFalse();
  }

  @Test
  void outOfRangeCoordinatesAreRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(91, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(0, Double.NaN));
  }
}
