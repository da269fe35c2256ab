package dev.gridcommerce.api.catalog;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.search.CatalogIndex;
import dev.gridcommerce.search.CatalogSuggester;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalog capability: products and dark stores, and this node's search index of them. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

  @Bean
  Catalog catalog(HazelcastInstance grid) {
    return new Catalog(grid);
  }

  @Bean(destroyMethod = "close")
  CatalogIndex catalogIndex() {
    return new CatalogIndex();
  }

  @Bean(destroyMethod = "close")
  CatalogSuggester catalogSuggester(CatalogIndex index) {
    return new CatalogSuggester(index);
  }
}
