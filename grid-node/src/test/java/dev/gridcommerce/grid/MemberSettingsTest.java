package dev.gridcommerce.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.hazelcast.config.Config;
import dev.gridcommerce.grid.support.GridMaps;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberSettingsTest {

  @Test
  void theFileSetsTheDefaultsAndTheEnvironmentOverridesThemForTheWholeMember() {
    Config config = new Config();
    config.setProperty(MemberSettings.SWEEP_INTERVAL, "5s");
    config.setProperty(MemberSettings.CLOSED_ORDER_RETENTION, "60m");

    MemberSettings settings =
        MemberSettings.resolve(
            config,
            Map.of(
                "COMMERCE_SWEEP_INTERVAL", "2s",
                "COMMERCE_GRID_EXPECTED_MEMBERS", "3",
                "COMMERCE_WRITE_THROUGH", "orders, carts",
                "COMMERCE_DB_URL", "jdbc:postgresql://db:5432/shop"));

    assertThat(settings.sweepInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.closedOrderRetention()).isEqualTo(Duration.ofMinutes(60));
    assertThat(settings.expectedMembers()).isEqualTo(3);
    assertThat(settings.writeThrough()).isEqualTo(Set.of("orders", "carts"));
    assertThat(settings.writesThrough("orders")).isTrue();
    assertThat(settings.writesThrough("products")).isFalse();
    assertThat(config.getProperty("commerce.db.url"))
        .as("what the persistence module reads")
        .isEqualTo("jdbc:postgresql://db:5432/shop");
    assertThat(MemberSettings.of(config)).isEqualTo(settings);
  }

  @Test
  void durationsAndCountsThatMeanNothingAreRefusedWithTheirName() {
    Config config = new Config();
    config.setProperty(MemberSettings.SWEEP_INTERVAL, "often");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MemberSettings.of(config))
        .withMessageContaining(MemberSettings.SWEEP_INTERVAL);

    config.setProperty(MemberSettings.SWEEP_INTERVAL, "PT0.5S");
    config.setProperty(MemberSettings.EXPECTED_MEMBERS, "0");
    assertThatIllegalArgumentException().isThrownBy(() -> MemberSettings.of(config));
  }

  @Test
  void theShopperOrderIndexLivesShorterThanClosedOrdersStayInTheGrid() {
    Config loaded = GridConfigs.member();
    MemberSettings settings = MemberSettings.of(loaded);

    long indexSeconds = loaded.getMapConfig(GridMaps.SHOPPER_ORDERS).getTimeToLiveSeconds();

    assertThat(Duration.ofSeconds(indexSeconds))
        .isPositive()
        .isLessThan(settings.closedOrderRetention());
    assertThat(
            GridConfigs.shopperOrdersMaxAge(
                new MemberSettings(
                    1,
                    Set.of(),
                    Duration.ofSeconds(5),
                    Duration.ofMinutes(6),
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(2))))
        .isEqualTo(Duration.ofMinutes(3));
  }
}
