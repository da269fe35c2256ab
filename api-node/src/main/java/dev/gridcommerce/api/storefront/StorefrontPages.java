package dev.gridcommerce.api.storefront;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The web front end (the {@code web} module's build, on the class path under {@code static/}): its
 * pages are one HTML file that the browser's router fills in, sent again on every visit ({@code
 * no-cache}, so a new release shows at once); its scripts and styles carry their content's hash in
 * their names and are cached for a year. All of it is public; the API it calls is not.
 */
@Configuration(proxyBeanMethods = false)
public class StorefrontPages implements WebMvcConfigurer {

  /** The browser's routes: the shop's pages and the staff console's. */
  public static final String[] ROUTES = {
    "/",
    "/index.html",
    "/search",
    "/products/{sku}",
    "/orders",
    "/orders/{orderId}",
    "/account",
    "/signin",
    "/signup",
    "/staff",
    "/staff/{*page}"
  };

  /** The build's files: hashed assets, and the icon (the page itself is served by its routes). */
  public static final String[] FILES = {"/assets/**", "/favicon.svg"};

  private static final Resource PAGE = new ClassPathResource("static/index.html");

  @Bean
  RouterFunction<ServerResponse> storefrontRoutes() {
    RouterFunctions.Builder routes = RouterFunctions.route();
    for (String route : ROUTES) {
      routes.GET(route, request -> page());
    }
    return routes.build();
  }

  private static ServerResponse page() {
    if (!PAGE.exists()) {
      return ServerResponse.notFound().build();
    }
    return ServerResponse.ok()
        .cacheControl(CacheControl.noCache())
        .contentType(MediaType.TEXT_HTML)
        .body(PAGE);
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/assets/**")
        .addResourceLocations("classpath:/static/assets/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
  }
}
