package dev.gridcommerce.api.testing;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A test-only endpoint whose domain call breaks an invariant, as a bug would. */
@RestController
class BrokenInvariantController {

  @GetMapping("/api/v1/test/broken-invariant")
  String broken() {
    throw new IllegalArgumentException("reserved (7) can't exceed on-hand stock (5)");
  }
}
