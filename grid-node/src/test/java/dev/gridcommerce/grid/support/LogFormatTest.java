package dev.gridcommerce.grid.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogFormatTest {

  @Test
  void textUnlessTheEnvironmentAsksForJson() {
    assertThat(LogFormat.of(Map.of())).isEqualTo(LogFormat.TEXT);
    assertThat(LogFormat.of(Map.of("COMMERCE_LOG_FORMAT", "text"))).isEqualTo(LogFormat.TEXT);
    assertThat(LogFormat.of(Map.of("COMMERCE_LOG_FORMAT", "json"))).isEqualTo(LogFormat.JSON);
  }

  @Test
  void aFormatItDoesNotKnowIsRefusedWithTheValuesItKnows() {
    assertThatThrownBy(() -> LogFormat.of(Map.of("COMMERCE_LOG_FORMAT", "JSON")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("COMMERCE_LOG_FORMAT is 'JSON': it is text or json (lower case), or unset");
    // the log configuration would name no appender for these: nothing would be logged
    for (String unknown : new String[] {"logstash", "", " json"}) {
      assertThatThrownBy(() -> LogFormat.of(Map.of("COMMERCE_LOG_FORMAT", unknown)))
          .as("'%s'", unknown)
          .hasMessageContaining("text or json");
    }
  }
}
