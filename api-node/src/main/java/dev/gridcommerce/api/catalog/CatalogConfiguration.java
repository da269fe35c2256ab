package dev.gridcommerce.api.catalog;

import dev.gridcommerce.search.CatalogIndex;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

  @Bean(destroyMethod = "close")
  CatalogIndex catalogIndex() {
    return new CatalogIndex();
  }
}
