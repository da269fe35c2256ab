package dev.gridcommerce.bench.support;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Which product each operation touches: {@code hot} (all on one, a flash sale), {@code uniform}
 * over {@value #PRODUCTS} products, or {@code zipfian} over them (exponent 0.99, as YCSB: a few
 * products get most of the traffic). Each benchmark thread draws from its own random source.
 */
public final class KeyChooser {

  public static final int PRODUCTS = 10_000;
  private static final double ZIPF_EXPONENT = 0.99;

  private final int products;
  private final double[] cumulative;

  private KeyChooser(int products, double[] cumulative) {
    this.products = products;
    this.cumulative = cumulative;
  }

  public static KeyChooser named(String name) {
    return switch (name) {
      case "hot" -> new KeyChooser(1, null);
      case "uniform" -> new KeyChooser(PRODUCTS, null);
      case "zipfian" -> new KeyChooser(PRODUCTS, zipf(PRODUCTS));
      default ->
          throw new IllegalArgumentException("keys must be hot, uniform or zipfian: " + name);
    };
  }

  /** How many products the benchmark must stock. */
  public int products() {
    return products;
  }

  public int next(SplittableRandom random) {
    if (products == 1) {
      return 0;
    }
    if (cumulative == null) {
      return random.nextInt(products);
    }
    int index = Arrays.binarySearch(cumulative, random.nextDouble());
    return Math.min(products - 1, index >= 0 ? index : -index - 1);
  }

  private static double[] zipf(int n) {
    double[] weights = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      weights[i] = 1.0 / Math.pow(i + 1, ZIPF_EXPONENT);
      sum += weights[i];
    }
    double running = 0;
    for (int i = 0; i < n; i++) {
      running += weights[i] / sum;
      weights[i] = running;
    }
    return weights;
  }

  public static String sku(int product) {
    return "SKU-%05d".formatted(product);
  }
}
