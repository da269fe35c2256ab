package dev.gridcommerce.grid.serialization;

import static dev.gridcommerce.domain.fixtures.CartBuilder.aCart;
import static dev.gridcommerce.domain.fixtures.OrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.test.Accessors;
import dev.gridcommerce.domain.account.Account;
import dev.gridcommerce.domain.account.Role;
import dev.gridcommerce.domain.demo.DemoCatalog;
import dev.gridcommerce.domain.inventory.Hold;
import dev.gridcommerce.domain.inventory.HoldOutcome;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.grid.cart.ChooseStoreProcessor;
import dev.gridcommerce.grid.cart.EmptyCartProcessor;
import dev.gridcommerce.grid.cart.SetCartLineProcessor;
import dev.gridcommerce.grid.inventory.HoldStockProcessor;
import dev.gridcommerce.grid.inventory.ReleaseHoldProcessor;
import dev.gridcommerce.grid.testing.TestGrid;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GridSerializersTest {

  private static final Instant AT = Instant.parse("2026-11-21T12:00:00.123Z");
  private static TestGrid grid;
  private static SerializationService serialization;

  @BeforeAll
  static void startMember() {
    grid = TestGrid.inMemory().start(1);
    HazelcastInstance member = grid.member(0);
    serialization = Accessors.getSerializationService(member);
  }

  @AfterAll
  static void stop() {
    grid.close();
  }

  static Stream<Object> everyGridType() {
    DemoCatalog catalog = DemoCatalog.generate(3, 10);
    return Stream.of(
        catalog.products().getFirst(),
        catalog.stores().getFirst(),
        new StockKey("berlin-mitte", "FRU-00001"),
        new Stock(9, List.of(new Hold("o1", 2, AT), new Hold("o2", 1, AT.plusSeconds(5))), 12),
        Stock.of(0),
        new HoldOutcome.Held(3),
        new HoldOutcome.ShortOf(3, 1),
        new HoldStockProcessor("o1", 2, AT),
        new ReleaseHoldProcessor("o1"),
        aCart().atStore("berlin-mitte").with("FRU-00001", 2).build(),
        aCart().build(),
        new SetCartLineProcessor("FRU-00001", 3, AT),
        new ChooseStoreProcessor("berlin-mitte", AT),
        new EmptyCartProcessor(AT),
        anOrder().line("FRU-00001", 2, 199).line("DAI-00001", 1, 99).build(),
        new Account(
            "u1", "a@example.com", "A", "hash", Set.of(Role.STAFF), Set.of("s1", "s2"), AT));
  }

  @ParameterizedTest
  @MethodSource("everyGridType")
  void roundTripsThroughCompactSerialization(Object value) {
    Object copy = serialization.toObject(serialization.toData(value));

    assertThat(copy).isEqualTo(value).isNotSameAs(value);
    assertThat(GridSerializers.all())
        .as("an explicit serializer with a stable type name")
        .anySatisfy(serializer -> {
          assertThat(serializer.getCompactClass()).isEqualTo(value.getClass());
          assertThat(serializer.getTypeName()).startsWith("commerce.");
        });
  }
}
