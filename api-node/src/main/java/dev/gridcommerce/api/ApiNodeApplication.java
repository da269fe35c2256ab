package dev.gridcommerce.api;

import dev.gridcommerce.grid.support.LogFormat;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * An API node: the stateless HTTP front of the commerce core. It reaches the grid as a client (or,
 * in the one-JVM demo, through a member it starts itself) and keeps a search index of the catalog.
 */
// No user store of Spring's own: callers are who their JWT says, accounts live in the grid.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class ApiNodeApplication {

  public static void main(String[] args) {
    if (LogFormat.of(System.getenv()) == LogFormat.JSON) {
      System.setProperty("logging.structured.format.console", "logstash");
    }
    SpringApplication.run(ApiNodeApplication.class, args);
  }
}
