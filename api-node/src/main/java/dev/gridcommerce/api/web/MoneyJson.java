package dev.gridcommerce.api.web;

import dev.gridcommerce.domain.catalog.Money;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Money as the public contract writes it: {@code {"amount": 499, "currency": "EUR"}}, the amount in
 * minor units, and nothing else of the domain record; the OpenAPI document describes it the same
 * way.
 */
@Configuration(proxyBeanMethods = false)
class MoneyJson {

  static {
    SpringDocUtils.getConfig()
        .replaceWithSchema(
            Money.class,
            new ObjectSchema()
                .description("an amount in minor units (cents) of an ISO 4217 currency")
                .addProperty("amount", new IntegerSchema().format("int64"))
                .addProperty("currency", new StringSchema().example("EUR")));
  }

  @Bean
  JacksonModule moneyModule() {
    return new SimpleModule("commerce-money").addSerializer(Money.class, new MoneySerializer());
  }

  static final class MoneySerializer extends ValueSerializer<Money> {
    @Override
    public void serialize(Money money, JsonGenerator json, SerializationContext context) {
      json.writeStartObject();
      json.writeNumberProperty("amount", money.amountMinor());
      json.writeStringProperty("currency", money.currency());
      json.writeEndObject();
    }
  }
}
