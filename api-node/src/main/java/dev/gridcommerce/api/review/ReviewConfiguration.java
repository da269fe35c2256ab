package dev.gridcommerce.api.review;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.order.Orders;
import dev.gridcommerce.grid.review.Reviews;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The review capability: reviews from verified buyers. */
@Configuration(proxyBeanMethods = false)
class ReviewConfiguration {

  @Bean
  Reviews reviews(HazelcastInstance grid, Clock clock, Catalog catalog, Orders orders) {
    return new Reviews(grid, clock, catalog, orders);
  }
}
