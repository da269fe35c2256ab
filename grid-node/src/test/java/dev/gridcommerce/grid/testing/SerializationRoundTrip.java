package dev.gridcommerce.grid.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.test.Accessors;
import dev.gridcommerce.grid.GridSerializers;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every grid type of a capability (keys, values, processors, answers) survives Compact
 * serialization on a real member unchanged, through an explicit serializer with a stable {@code
 * commerce.*} type name. Each capability's test lists its samples; it sits in the capability's
 * package, so it can build the package-private processors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SerializationRoundTrip {

  protected static final Instant AT = Instant.parse("2026-11-21T12:00:00.123Z");

  private TestGrid grid;
  private SerializationService serialization;

  /** One sample of every type the capability puts on the grid. */
  protected abstract Stream<Object> samples();

  @BeforeAll
  void startMember() {
    grid = TestGrid.inMemory().start(1);
    serialization = Accessors.getSerializationService(grid.member(0));
  }

  @AfterAll
  void stop() {
    grid.close();
  }

  @ParameterizedTest
  @MethodSource("samples")
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
