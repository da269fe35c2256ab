package dev.gridcommerce.grid.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogFormatTest {

  @Test
  void textUnlessTheEnvironmentAsksForJson() {
    assertThat(LogFormat.of(Map.of())).isEqualTo(LogFormat.TEXT);
    assertThat(LogFormat.of(Map.of("COMMERCE_LOG_FORMAT", ""))).isEqualTo(LogFormat.TEXT);
    assertThat(LogFormat.of(Map.of("COMMERCE_LOG_FORMAT", "text"))).isEqualTo(LogFormat.TEXT);
    assertThat(LogFormat.of(Map.of("COMMERCE_LOG_FORMAT", " json "))).isEqualTo(LogFormat.JSON);
  }

  @Test
  void aFormatItDoesNotKnowIsRefusedWithTheValuesItKnows() {
    assertThatThrownBy(() -> LogFormat.of(Map.of("COMMERCE_LOG_FORMAT", "JSON")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("COMMERCE_LOG_FORMAT is 'JSON': it is text or json (lower case)");
    assertThatThrownBy(() -> LogFormat.of(Map.of("COMMERCE_LOG_FORMAT", "logstash")))
        .hasMessageContaining("text or json");
  }
}
