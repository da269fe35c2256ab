package dev.gridcommerce.grid.serialization;

import static dev.gridcommerce.domain.fixtures.CartBuilder.aCart;
import static dev.gridcommerce.domain.fixtures.OrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.test.Accessors;
import dev.gridcommerce.domain.account.Account;
import dev.gridcommerce.domain.account.Role;
import dev.gridcommerce.domain.checkout.CheckoutAttempt;
import dev.gridcommerce.domain.checkout.ShortLine;
import dev.gridcommerce.demo.DemoCatalog;
import dev.gridcommerce.domain.inventory.Hold;
import dev.gridcommerce.domain.inventory.MovementReason;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.inventory.StockMovement;
import dev.gridcommerce.domain.inventory.StockOutcome;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.StockEffect;
import dev.gridcommerce.grid.cart.ChooseStoreProcessor;
import dev.gridcommerce.grid.cart.EmptyCartProcessor;
import dev.gridcommerce.grid.cart.SetCartLineProcessor;
import dev.gridcommerce.grid.checkout.BeginAttemptProcessor;
import dev.gridcommerce.grid.inventory.AdjustStockProcessor;
import dev.gridcommerce.grid.inventory.CountStockProcessor;
import dev.gridcommerce.grid.inventory.DispatchProcessor;
import dev.gridcommerce.grid.inventory.FindExpiredHoldsProcessor;
import dev.gridcommerce.grid.inventory.HoldCartProcessor;
import dev.gridcommerce.grid.inventory.HoldStockProcessor;
import dev.gridcommerce.grid.inventory.MoveHeldProcessor;
import dev.gridcommerce.grid.inventory.ReleaseHoldProcessor;
import dev.gridcommerce.grid.inventory.ReturnSoldProcessor;
import dev.gridcommerce.grid.inventory.SellProcessor;
import dev.gridcommerce.grid.order.ExpireIfDueProcessor;
import dev.gridcommerce.grid.order.MoveOrderProcessor;
import dev.gridcommerce.grid.order.OrderChange;
import dev.gridcommerce.grid.order.PayLateProcessor;
import dev.gridcommerce.grid.order.PayProcessor;
import dev.gridcommerce.grid.order.SettleOrderProcessor;
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
        new Stock(
            9,
            List.of(Hold.held("o1", 2, AT), new Hold("o2", 1, AT.plusSeconds(5), Hold.State.SOLD)),
            List.of(new StockMovement("m1", 4, MovementReason.DELIVERY, "note", "staff", AT, 9)),
            12,
            3),
        Stock.of(0),
        new StockOutcome.Done(3),
        new StockOutcome.ShortOf(3, 1),
        new StockOutcome.VersionConflict(3, 4),
        new StockOutcome.BelowReserved(1, 2),
        new HoldStockProcessor("o1", 2, AT),
        new HoldStockProcessor("o1", 2, AT, "cart:s1"),
        new HoldCartProcessor("cart:s1", 2, AT),
        new MoveHeldProcessor("o1", "cart:s1", AT),
        new ReleaseHoldProcessor("o1"),
        new SellProcessor("o1", 2),
        new ReturnSoldProcessor("o1"),
        new DispatchProcessor("o1", AT),
        new AdjustStockProcessor("m2", -1, MovementReason.DAMAGED, "", "staff", AT),
        new CountStockProcessor("c1", 7, 3, "aisle 2", "staff", AT),
        new FindExpiredHoldsProcessor(AT),
        aCart().atStore("berlin-mitte").with("FRU-00001", 2).build(),
        aCart().build(),
        new SetCartLineProcessor("FRU-00001", 3, AT),
        new ChooseStoreProcessor("berlin-mitte", AT),
        new EmptyCartProcessor(AT),
        anOrder().line("FRU-00001", 2, 199).line("DAI-00001", 1, 99).build(),
        anOrder().build().movedTo(OrderStatus.CANCELLED, AT),
        new OrderChange(OrderChange.Verdict.CHANGED, anOrder().build()),
        new OrderChange(OrderChange.Verdict.MISSING, null),
        new MoveOrderProcessor(OrderStatus.PAID, AT),
        new ExpireIfDueProcessor(AT),
        new SettleOrderProcessor(StockEffect.SELL),
        new PayLateProcessor(AT),
        new PayProcessor(AT),
        new CheckoutAttempt(
            "hash",
            "o1",
            "token",
            CheckoutAttempt.State.SHORT,
            AT,
            List.of(new ShortLine("FRU-00001", 3, 1))),
        new BeginAttemptProcessor("hash", "o1", "token", AT, AT.plusSeconds(30)),
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
