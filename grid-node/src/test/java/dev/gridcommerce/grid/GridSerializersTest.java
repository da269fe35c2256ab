package dev.gridcommerce.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.nio.serialization.compact.CompactSerializer;
import dev.gridcommerce.demo.DemoCatalog;
import dev.gridcommerce.domain.account.Account;
import dev.gridcommerce.domain.account.Role;
import dev.gridcommerce.grid.testing.SerializationRoundTrip;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalog's and accounts' types, and the registry every member and client shares. */
class GridSerializersTest extends SerializationRoundTrip {

  @Override
  protected Stream<Object> samples() {
    DemoCatalog catalog = DemoCatalog.generate(3, 10);
    return Stream.of(
        catalog.products().getFirst(),
        catalog.stores().getFirst(),
        catalog.stores().getLast(),
        new Account(
            "u1", "a@example.com", "A", "hash", Set.of(Role.STAFF), Set.of("s1", "s2"), AT));
  }

  @Test
  void everyTypeHasOneSerializerAndEveryTypeNameIsTakenOnce() {
    assertThat(GridSerializers.all().stream().map(CompactSerializer::getTypeName))
        .doesNotHaveDuplicates();
    assertThat(GridSerializers.all().stream().map(CompactSerializer::getCompactClass))
        .doesNotHaveDuplicates();
  }
}
