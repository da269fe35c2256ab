package dev.gridcommerce.api.architecture.broken;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/** An entry processor anyone may build: the architecture rules must refuse it. */
public class PublicProcessor implements EntryProcessor<String, String, String> {

  @Override
  public String process(Map.Entry<String, String> entry) {
    return entry.getValue();
  }
}
