package dev.gridcommerce.grid.support;

import java.util.List;

/**
 * One page of a longer list: its items, and how many there are in all.
 *
 * @param page the page's number, from 0
 */
public record Page<T>(List<T> items, long total, int page, int size) {

  public Page {
    items = List.copyOf(items);
    if (page < 0 || size < 1) {
      throw new IllegalArgumentException("pages count from 0 and hold at least one item");
    }
  }

  /** The given page of an already sorted list. */
  public static <T> Page<T> of(List<T> sorted, int page, int size) {
    List<T> items = sorted.stream().skip((long) page * size).limit(size).toList();
    return new Page<>(items, sorted.size(), page, size);
  }
}
