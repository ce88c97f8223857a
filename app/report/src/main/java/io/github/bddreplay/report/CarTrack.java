package io.github.bddreplay.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chart (d) for one car: its GPS fixes from the published locations, in event-time order, as
 * [longitude, latitude] pairs, thinned evenly (first and last fix kept) when it has more than the
 * page draws.
 *
 * @param fixes how many valid fixes the car has, drawn or not
 */
record CarTrack(String uuid, long fixes, List<double[]> points) {
  /**
   * Every k-th fix of a car, k = ceil(n / (N - 1)), gives at most N - 1 of its n fixes; its last
   * fix makes at most N. NaN compares greater than any number in DuckDB, so the range tests drop it
   * too.
   */
  private static final String THINNED_FIXES =
      """
      WITH fixes AS (
        SELECT uuid, longitude, latitude,
          row_number() OVER (PARTITION BY uuid ORDER BY "timestamp", longitude, latitude) - 1 AS i,
          count(*) OVER (PARTITION BY uuid) AS n
        FROM read_parquet(FILES)
        WHERE uuid IS NOT NULL AND latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180)
      SELECT uuid, n, round(longitude, 6), round(latitude, 6) FROM fixes
      WHERE n <= %1$d OR i %% CAST(ceil(n / (%1$d - 1)) AS BIGINT) = 0 OR i = n - 1
      ORDER BY uuid, i
      """;

  /** The tracks of every car in {@code locationFiles}, by uuid. */
  static Map<String, CarTrack> read(
      ParquetSql sql, List<Path> locationFiles, String what, int pointsPerCar) {
    record Fix(String uuid, long fixes, double longitude, double latitude) {}
    List<Fix> fixes =
        sql.query(
            THINNED_FIXES.formatted(pointsPerCar),
            locationFiles,
            what,
            row -> new Fix(row.getString(1), row.getLong(2), row.getDouble(3), row.getDouble(4)));
    Map<String, List<double[]>> points = new TreeMap<>();
    Map<String, Long> counts = new TreeMap<>();
    for (Fix fix : fixes) {
      points
          .computeIfAbsent(fix.uuid(), u -> new ArrayList<>())
          .add(new double[] {fix.longitude(), fix.latitude()});
      counts.put(fix.uuid(), fix.fixes());
    }
    Map<String, CarTrack> tracks = new TreeMap<>();
    points.forEach((uuid, track) -> tracks.put(uuid, new CarTrack(uuid, counts.get(uuid), track)));
    return tracks;
  }

  boolean thinned() {
    return points.size() < fixes;
  }
}
