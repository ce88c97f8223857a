package io.github.bddreplay.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * An area where some cars drove, for the track chart's zoom buttons: the cars of a data set may be
 * continents apart (the real one has cars in New York, the Bay Area and Israel), and one view of
 * all of them shows each track as a dot. Cars whose mean position lies within {@link
 * #REACH_DEGREES} of a region's first car join it.
 */
record TrackRegion(String label, int cars, double west, double east, double south, double north) {
  static final double REACH_DEGREES = 2.0;

  private static final class Growing {
    final double centreLongitude;
    final double centreLatitude;
    int cars;
    double west = Double.POSITIVE_INFINITY;
    double east = Double.NEGATIVE_INFINITY;
    double south = Double.POSITIVE_INFINITY;
    double north = Double.NEGATIVE_INFINITY;

    Growing(double centreLongitude, double centreLatitude) {
      this.centreLongitude = centreLongitude;
      this.centreLatitude = centreLatitude;
    }

    boolean reaches(double longitude, double latitude) {
      return Math.abs(longitude - centreLongitude) <= REACH_DEGREES
          && Math.abs(latitude - centreLatitude) <= REACH_DEGREES;
    }

    void add(CarTrack track) {
      cars++;
      for (double[] point : track.points()) {
        west = Math.min(west, point[0]);
        east = Math.max(east, point[0]);
        south = Math.min(south, point[1]);
        north = Math.max(north, point[1]);
      }
    }

    TrackRegion done() {
      return new TrackRegion(
          label(centreLongitude, centreLatitude), cars, west, east, south, north);
    }
  }

  /** The regions of {@code tracks}, most cars first. */
  static List<TrackRegion> of(Collection<CarTrack> tracks) {
    List<Growing> regions = new ArrayList<>();
    for (CarTrack track : tracks) {
      double longitude = track.points().stream().mapToDouble(p -> p[0]).average().orElseThrow();
      double latitude = track.points().stream().mapToDouble(p -> p[1]).average().orElseThrow();
      Growing region =
          regions.stream()
              .filter(r -> r.reaches(longitude, latitude))
              .findFirst()
              .orElseGet(
                  () -> {
                    Growing fresh = new Growing(longitude, latitude);
                    regions.add(fresh);
                    return fresh;
                  });
      region.add(track);
    }
    return regions.stream()
        .map(Growing::done)
        .sorted(Comparator.comparingInt(TrackRegion::cars).reversed())
        .toList();
  }

  private static String label(double longitude, double latitude) {
    return String.format(
        Locale.ROOT,
        "around %.1f° %s, %.1f° %s",
        Math.abs(latitude),
        latitude >= 0 ? "N" : "S",
        Math.abs(longitude),
        longitude >= 0 ? "E" : "W");
  }
}
