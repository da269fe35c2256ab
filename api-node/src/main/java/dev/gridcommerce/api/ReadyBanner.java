package dev.gridcommerce.api;

import dev.gridcommerce.api.grid.GridSettings;
import dev.gridcommerce.search.CatalogIndex;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Says once, on one line, that the node serves requests, where, and how long it took to start. */
@Component
class ReadyBanner implements ApplicationListener<ApplicationReadyEvent> {

  private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

  private final GridSettings grid;
  private final CatalogIndex index;

  ReadyBanner(GridSettings grid, CatalogIndex index) {
    this.grid = grid;
    this.index = index;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    int port =
        event.getApplicationContext() instanceof WebServerApplicationContext web
            ? web.getWebServer().getPort()
            : -1;
    double seconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
    log.info(
        "Commerce API ready at http://localhost:{} ({} grid, {} products indexed, started in {} s):"
            + " the shop is at http://localhost:{}/, the staff console at http://localhost:{}/staff",
        port,
        grid.mode().name().toLowerCase(java.util.Locale.ROOT),
        index.size(),
        String.format(java.util.Locale.ROOT, "%.1f", seconds),
        port,
        port);
  }
}
