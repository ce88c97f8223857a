package io.github.bddreplay.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Short names for cars in legends and tooltips: the shortest prefix of each uuid, at least eight
 * characters, that no other car's uuid shares, so every car keeps a name of its own.
 */
final class CarLabels {
  private static final int SHORTEST = 8;

  /** A car of the page; the page colours cars by their place in the uuid order. */
  @JsonPropertyOrder({"uuid", "label"})
  record Car(String uuid, String label) {}

  private CarLabels() {}

  /** The cars in uuid order, each with its label. */
  static List<Car> of(Collection<String> uuids) {
    List<String> sorted = List.copyOf(new TreeSet<>(uuids));
    int length = SHORTEST;
    while (!unique(sorted, length)) {
      length++;
    }
    List<Car> cars = new ArrayList<>();
    for (String uuid : sorted) {
      cars.add(new Car(uuid, uuid.substring(0, Math.min(length, uuid.length()))));
    }
    return cars;
  }

  /** Neighbours in sorted order share the longest prefixes, so comparing them is enough. */
  private static boolean unique(List<String> sorted, int length) {
    for (int i = 1; i < sorted.size(); i++) {
      String a = sorted.get(i - 1);
      String b = sorted.get(i);
      if (a.length() > length && b.length() > length && a.regionMatches(0, b, 0, length)) {
        return false;
      }
    }
    return true;
  }
}
