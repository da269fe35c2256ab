package dev.gridcommerce.demo;

import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.DeliveryTerms;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.catalog.TaxClass;
import dev.gridcommerce.domain.fulfilment.ShelfLocation;
import dev.gridcommerce.domain.fulfilment.StoreLayout;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.pricing.VoucherKind;
import dev.gridcommerce.domain.pricing.VoucherTerms;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A generated catalog for demos, tests and benchmarks: the same seed and size always give the same
 * stores, products and stock.
 *
 * @param stock on-hand units per (store, sku); about one entry in twelve is zero
 */
public record DemoCatalog(
    List<DarkStore> stores, List<Product> products, Map<StockKey, Integer> stock) {

  public static final long DEFAULT_SEED = 20261121L;
  public static final int DEFAULT_PRODUCT_COUNT = 2_000;
  public static final String CURRENCY = "EUR";

  public DemoCatalog {
    stores = List.copyOf(stores);
    products = List.copyOf(products);
    stock = Map.copyOf(stock);
  }

  /** The demo catalog: 3 Berlin dark stores and 2,000 products in 10 categories. */
  public static DemoCatalog standard() {
    return generate(DEFAULT_SEED, DEFAULT_PRODUCT_COUNT);
  }

  public static DemoCatalog generate(long seed, int productCount) {
    if (productCount < 1) {
      throw new IllegalArgumentException("a catalog has at least one product");
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Product> products = new ArrayList<>(productCount);
    for (int i = 0; i < productCount; i++) {
      products.add(product(i, random));
    }
    Map<StockKey, Integer> stock = new LinkedHashMap<>();
    for (DarkStore store : STORES) {
      for (Product product : products) {
        int onHand = random.nextInt(12) == 0 ? 0 : 1 + random.nextInt(60);
        stock.put(new StockKey(store.id(), product.sku()), onHand);
      }
    }
    return new DemoCatalog(STORES, products, stock);
  }

  /**
   * Where each product sits in each store, the same every time: a zone per category (A, B ..., in
   * an order of its own per store), 1 to 6 aisles per zone, 1 to 5 shelves per aisle.
   */
  public List<StoreLayout> layouts() {
    List<String> categories = products.stream().map(Product::category).distinct().toList();
    List<StoreLayout> layouts = new ArrayList<>(stores.size());
    for (DarkStore store : stores) {
      SplittableRandom random = new SplittableRandom(store.id().hashCode());
      List<String> zoneOrder = new ArrayList<>(categories);
      java.util.Collections.shuffle(zoneOrder, new java.util.Random(random.nextLong()));
      Map<String, ShelfLocation> locations = new LinkedHashMap<>();
      for (Product product : products) {
        String zone = String.valueOf((char) ('A' + zoneOrder.indexOf(product.category())));
        locations.put(
            product.sku(), new ShelfLocation(zone, 1 + random.nextInt(6), 1 + random.nextInt(5)));
      }
      layouts.add(new StoreLayout(store.id(), locations));
    }
    return layouts;
  }

  public int onHand(String storeId, String sku) {
    return stock.getOrDefault(new StockKey(storeId, sku), 0);
  }

  private static Product product(int index, SplittableRandom random) {
    Category category = CATEGORIES.get(index % CATEGORIES.size());
    int serial = index / CATEGORIES.size();
    String item = category.items().get(serial % category.items().size());
    String variant = VARIANTS.get((serial / category.items().size()) % VARIANTS.size());
    String brand = category.brands().get(random.nextInt(category.brands().size()));
    String size = category.sizes().get(random.nextInt(category.sizes().size()));
    int round = serial / (category.items().size() * VARIANTS.size());
    String name = variant + " " + item + (round > 0 ? " No. " + (round + 1) : "");
    long cents = category.minCents() + random.nextLong(category.maxCents() - category.minCents());
    long price = cents - cents % 10 + 9;
    String sku = "%s-%05d".formatted(category.code(), serial);
    return new Product(
        sku,
        name,
        brand,
        category.name(),
        "%s %s by %s, %s. %s".formatted(variant, item.toLowerCase(), brand, size, category.blurb()),
        Money.of(price, CURRENCY),
        Map.of("size", size, "origin", ORIGINS.get(random.nextInt(ORIGINS.size()))),
        STANDARD_RATED.contains(category.code()) ? TaxClass.STANDARD : TaxClass.REDUCED,
        null); // no picture of its own: every API node draws it a placeholder
  }

  /**
   * The demo's vouchers, valid for a year from {@code now}: WELCOME10 (10 % off a basket of 15.00
   * EUR or more) and FREESHIP (free delivery), each once per shopper, 10,000 times in all.
   */
  public static List<VoucherTerms> vouchers(Instant now) {
    Instant until = now.plus(Duration.ofDays(365));
    Money zero = Money.zero(CURRENCY);
    return List.of(
        new VoucherTerms(
            "WELCOME10",
            VoucherKind.PERCENTAGE,
            1000,
            zero,
            Money.of(1500, CURRENCY),
            now,
            until,
            10_000,
            1),
        new VoucherTerms(
            "FREESHIP", VoucherKind.FREE_DELIVERY, 0, zero, zero, now, until, 10_000, 1));
  }

  /** Categories sold at the standard VAT rate in Germany; the rest is food, at the reduced rate. */
  private static final Set<String> STANDARD_RATED = Set.of("BEV", "HOU", "PER");

  /**
   * The demo stores' terms: 1.99 EUR delivery, free from 30.00 EUR, and 1.50 EUR on a basket below
   * 10.00 EUR.
   */
  public static final DeliveryTerms DELIVERY_TERMS =
      new DeliveryTerms(
          Money.of(199, CURRENCY),
          Money.of(3000, CURRENCY),
          Money.of(1000, CURRENCY),
          Money.of(150, CURRENCY));

  private record Category(
      String code,
      String name,
      String blurb,
      long minCents,
      long maxCents,
      List<String> items,
      List<String> brands,
      List<String> sizes) {}

  private static final List<DarkStore> STORES =
      List.of(
          new DarkStore(
              "berlin-mitte",
              "Berlin Mitte",
              new GeoPoint(52.5200, 13.4050),
              3.0,
              false,
              CURRENCY,
              "DE",
              DELIVERY_TERMS),
          new DarkStore(
              "berlin-kreuzberg",
              "Berlin Kreuzberg",
              new GeoPoint(52.4986, 13.4033),
              3.0,
              false,
              CURRENCY,
              "DE",
              DELIVERY_TERMS),
          new DarkStore(
              "berlin-prenzlauer-berg",
              "Berlin Prenzlauer Berg",
              new GeoPoint(52.5388, 13.4244),
              2.5,
              true,
              CURRENCY,
              "DE",
              DELIVERY_TERMS));

  private static final List<String> VARIANTS =
      List.of(
          "Organic",
          "Classic",
          "Fresh",
          "Light",
          "Family Pack",
          "Premium",
          "Everyday",
          "Farmhouse",
          "Mini",
          "Extra",
          "Wholesome",
          "Zesty",
          "Smoky",
          "Golden",
          "Wild",
          "Crunchy",
          "Creamy",
          "Spicy",
          "Mild",
          "Rustic");

  private static final List<String> ORIGINS =
      List.of("Germany", "Netherlands", "Spain", "Italy", "France", "Poland", "Denmark");

  private static final List<Category> CATEGORIES =
      List.of(
          new Category(
              "FRU",
              "Fruit & Vegetables",
              "Picked ripe and delivered chilled.",
              49,
              599,
              List.of(
                  "Apples",
                  "Bananas",
                  "Carrots",
                  "Tomatoes",
                  "Avocados",
                  "Spinach",
                  "Blueberries",
                  "Potatoes",
                  "Onions",
                  "Cucumbers"),
              List.of("GreenField", "Sunny Acres", "Bio Garden", "Orchard Lane"),
              List.of("500 g", "1 kg", "250 g", "6 pieces")),
          new Category(
              "DAI",
              "Dairy & Eggs",
              "Keep refrigerated.",
              59,
              699,
              List.of(
                  "Milk",
                  "Yogurt",
                  "Butter",
                  "Cheddar",
                  "Mozzarella",
                  "Eggs",
                  "Cream",
                  "Quark",
                  "Kefir",
                  "Feta"),
              List.of("Alpine Meadow", "Dairy Crest", "Happy Cow", "Nordic Farms"),
              List.of("1 l", "500 g", "250 g", "10 pieces")),
          new Category(
              "BAK",
              "Bakery",
              "Baked this morning.",
              79,
              499,
              List.of(
                  "Sourdough Bread",
                  "Croissants",
                  "Bagels",
                  "Rye Bread",
                  "Baguette",
                  "Muffins",
                  "Rolls",
                  "Brioche",
                  "Pretzels",
                  "Toast"),
              List.of("Baker's Pride", "Golden Crust", "Stone Oven"),
              List.of("1 piece", "4 pieces", "500 g", "750 g")),
          new Category(
              "MEA",
              "Meat & Fish",
              "From farms and fisheries we trust.",
              199,
              1499,
              List.of(
                  "Chicken Breast",
                  "Beef Mince",
                  "Salmon Fillet",
                  "Pork Sausages",
                  "Turkey Slices",
                  "Tuna",
                  "Shrimp",
                  "Bacon",
                  "Ham",
                  "Lamb Chops"),
              List.of("Butcher's Block", "Ocean Catch", "Meadow Farms", "Prime Cuts"),
              List.of("200 g", "400 g", "500 g", "1 kg")),
          new Category(
              "PAN",
              "Pantry",
              "A cupboard staple.",
              89,
              899,
              List.of(
                  "Pasta",
                  "Rice",
                  "Olive Oil",
                  "Flour",
                  "Lentils",
                  "Chickpeas",
                  "Tomato Sauce",
                  "Peanut Butter",
                  "Honey",
                  "Oats"),
              List.of("Casa Italia", "Pantry Basics", "Golden Grain", "Mediterra"),
              List.of("500 g", "1 kg", "750 ml", "400 g")),
          new Category(
              "SNA",
              "Snacks",
              "For the couch or the office.",
              79,
              449,
              List.of(
                  "Crisps",
                  "Chocolate Bar",
                  "Pretzel Sticks",
                  "Trail Mix",
                  "Popcorn",
                  "Cookies",
                  "Rice Cakes",
                  "Nachos",
                  "Gummy Bears",
                  "Granola Bar"),
              List.of("Crunch Co", "Sweet Tooth", "Snack Attack", "Nutty Bros"),
              List.of("100 g", "150 g", "200 g", "6 pieces")),
          new Category(
              "BEV",
              "Beverages",
              "Best served cold.",
              59,
              699,
              List.of(
                  "Sparkling Water",
                  "Orange Juice",
                  "Cola",
                  "Cold Brew Coffee",
                  "Green Tea",
                  "Lemonade",
                  "Oat Milk",
                  "Energy Drink",
                  "Apple Juice",
                  "Kombucha"),
              List.of("Fizz", "Spring Valley", "Bean There", "Tea Garden"),
              List.of("330 ml", "500 ml", "1 l", "6 x 330 ml")),
          new Category(
              "FRO",
              "Frozen",
              "Keep frozen at -18 °C.",
              149,
              899,
              List.of(
                  "Pizza",
                  "Ice Cream",
                  "Peas",
                  "Fish Fingers",
                  "Berry Mix",
                  "Dumplings",
                  "Fries",
                  "Spinach Cubes",
                  "Waffles",
                  "Veggie Burgers"),
              List.of("Frosty", "Polar Kitchen", "Ice Age"),
              List.of("300 g", "450 g", "750 g", "1 kg")),
          new Category(
              "HOU",
              "Household",
              "Keeps the home running.",
              99,
              1299,
              List.of(
                  "Dish Soap",
                  "Laundry Detergent",
                  "Paper Towels",
                  "Toilet Paper",
                  "Trash Bags",
                  "Sponges",
                  "All-Purpose Cleaner",
                  "Aluminium Foil",
                  "Cling Film",
                  "Candles"),
              List.of("CleanHome", "Sparkle", "EcoHouse"),
              List.of("1 piece", "4 pieces", "1 l", "20 pieces")),
          new Category(
              "PER",
              "Personal Care",
              "Gentle on skin.",
              99,
              1199,
              List.of(
                  "Shampoo",
                  "Toothpaste",
                  "Shower Gel",
                  "Deodorant",
                  "Hand Soap",
                  "Razors",
                  "Cotton Pads",
                  "Sunscreen",
                  "Lip Balm",
                  "Conditioner"),
              List.of("Pure Care", "Fresh Face", "Nordic Skin", "Smile"),
              List.of("50 ml", "250 ml", "75 ml", "10 pieces")));
}
