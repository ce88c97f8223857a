package io.github.bddreplay.pipelines.oracle;

import io.github.bddreplay.parquet.BddSchemas;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * What the three pipelines must finally output for a replay, computed in one batch pass over the
 * replayed rows, independently of the pipelines' code: plain loops over the source rows, grouped
 * by route and 15 s window (see {@link WindowKey#containing}).
 *
 * <ul>
 *   <li>simple: every replayed row of each topic, once;
 *   <li>windowed: per route and window of the locations, the mean of the valid speeds ({@code >=
 *       0}, summed as plain doubles in row order), the valid and invalid counts, the ride ids;
 *   <li>stream-joined: per route and window of either topic, every location row with every
 *       acceleration row, or each row of the only side present with nulls for the other.
 * </ul>
 */
public final class BatchOracle {
  public static final String LOCATION_PREFIX = "loc_";
  public static final String ACCELERATION_PREFIX = "acc_";
  public static final List<String> LOCATION_COLUMNS = columns(BddSchemas.LOCATIONS_AVRO);
  public static final List<String> ACCELERATION_COLUMNS = columns(BddSchemas.ACCELERATIONS_AVRO);

  /** The side columns of a stream-joined row: every location column, then every acceleration one. */
  public static final List<String> JOINED_COLUMNS = joinedColumns();

  private static final String SPEED = "speed";
  private static final String RIDE_ID = "ride_id";

  private final ReplayedSource source;
  private final Map<RowFingerprint, Long> simpleLocations;
  private final Map<RowFingerprint, Long> simpleAccelerations;
  private final SortedMap<WindowKey, ExpectedWindow> windowed;
  private final SortedMap<WindowKey, Map<RowFingerprint, Long>> joined;

  private BatchOracle(ReplayedSource source) {
    this.source = source;
    this.simpleLocations = fingerprints(source.locations(), LOCATION_COLUMNS);
    this.simpleAccelerations = fingerprints(source.accelerations(), ACCELERATION_COLUMNS);
    this.windowed = meanSpeeds(source.locations());
    this.joined = fullOuterJoin(source.locations(), source.accelerations());
  }

  /** The expected outputs of replaying {@code sourceDir} with offset 0 at {@code startMicros}. */
  public static BatchOracle compute(Path sourceDir, long startMicros) throws IOException {
    return of(ReplayedSource.read(sourceDir, startMicros));
  }

  /** The expected outputs for the rows of {@code source}. */
  public static BatchOracle of(ReplayedSource source) {
    return new BatchOracle(source);
  }

  public ReplayedSource source() {
    return source;
  }

  /** Every replayed row of {@code topic} (all columns), with how often it occurs. */
  public Map<RowFingerprint, Long> simpleRows(String topic) {
    switch (topic) {
      case BddSchemas.LOCATIONS:
        return Collections.unmodifiableMap(simpleLocations);
      case BddSchemas.ACCELERATIONS:
        return Collections.unmodifiableMap(simpleAccelerations);
      default:
        throw new IllegalArgumentException("unknown topic: " + topic);
    }
  }

  /** The final windowed row of every route and window that has location rows. */
  public SortedMap<WindowKey, ExpectedWindow> windowed() {
    return Collections.unmodifiableSortedMap(windowed);
  }

  /**
   * The final stream-joined rows of every route and window with rows in either topic, as
   * fingerprints over {@link #JOINED_COLUMNS}, with how often each occurs.
   */
  public SortedMap<WindowKey, Map<RowFingerprint, Long>> joined() {
    return Collections.unmodifiableSortedMap(joined);
  }

  public long joinedRowCount() {
    return joined.values().stream().mapToLong(Multisets::size).sum();
  }

  /** The distinct non-null uuids in either topic. */
  public Set<String> cars() {
    Set<String> cars = new TreeSet<>();
    for (List<GenericRecord> rows : List.of(source.locations(), source.accelerations())) {
      for (GenericRecord row : rows) {
        String uuid = ReplayedSource.uuid(row);
        if (uuid != null) {
          cars.add(uuid);
        }
      }
    }
    return cars;
  }

  /** The figures a person checks first, on a few lines. */
  public String summary() {
    long validFixes = windowed.values().stream().mapToLong(ExpectedWindow::fixCount).sum();
    long invalidFixes = windowed.values().stream().mapToLong(ExpectedWindow::invalidSpeedCount).sum();
    Set<Long> windowStarts = new HashSet<>();
    joined.keySet().forEach(key -> windowStarts.add(key.windowStartMicros()));
    return String.join(
        "\n",
        "cars: " + cars().size(),
        "location rows: " + source.locations().size()
            + ", acceleration rows: " + source.accelerations().size()
            + ", rows without offset (left out): " + source.rowsWithoutOffset(),
        "15 s windows with data: " + windowStarts.size(),
        "windowed rows (route x window): " + windowed.size()
            + ", valid fixes: " + validFixes + ", invalid speeds: " + invalidFixes,
        "stream-joined keys (route x window): " + joined.size()
            + ", stream-joined rows: " + joinedRowCount());
  }

  private static Map<RowFingerprint, Long> fingerprints(List<GenericRecord> rows, List<String> columns) {
    return Multisets.of(rows.stream().map(row -> RowFingerprint.of(row, columns)).toList());
  }

  private static SortedMap<WindowKey, ExpectedWindow> meanSpeeds(List<GenericRecord> locations) {
    Map<WindowKey, List<GenericRecord>> byWindow = groupByWindow(locations);
    SortedMap<WindowKey, ExpectedWindow> result = new TreeMap<>();
    byWindow.forEach((key, rows) -> result.put(key, meanSpeed(key, rows)));
    return result;
  }

  private static ExpectedWindow meanSpeed(WindowKey key, List<GenericRecord> rows) {
    double sum = 0;
    long valid = 0;
    long invalid = 0;
    Set<String> rideIds = new HashSet<>();
    for (GenericRecord row : rows) {
      Double speed = (Double) row.get(SPEED);
      if (speed != null && speed >= 0) {
        sum += speed;
        valid++;
      } else {
        invalid++;
      }
      Object rideId = row.get(RIDE_ID);
      if (rideId != null) {
        rideIds.add(rideId.toString());
      }
    }
    return new ExpectedWindow(key, rideIds, valid == 0 ? null : sum / valid, valid, invalid);
  }

  private static SortedMap<WindowKey, Map<RowFingerprint, Long>> fullOuterJoin(
      List<GenericRecord> locations, List<GenericRecord> accelerations) {
    Map<WindowKey, List<GenericRecord>> locationsByWindow = groupByWindow(locations);
    Map<WindowKey, List<GenericRecord>> accelerationsByWindow = groupByWindow(accelerations);
    Set<WindowKey> keys = new TreeSet<>(locationsByWindow.keySet());
    keys.addAll(accelerationsByWindow.keySet());

    SortedMap<WindowKey, Map<RowFingerprint, Long>> result = new TreeMap<>();
    for (WindowKey key : keys) {
      List<RowFingerprint> locationSides =
          sides(locationsByWindow.get(key), LOCATION_COLUMNS, LOCATION_PREFIX);
      List<RowFingerprint> accelerationSides =
          sides(accelerationsByWindow.get(key), ACCELERATION_COLUMNS, ACCELERATION_PREFIX);
      List<RowFingerprint> rows = new ArrayList<>();
      for (RowFingerprint location : locationSides) {
        for (RowFingerprint acceleration : accelerationSides) {
          rows.add(location.concat(acceleration));
        }
      }
      result.put(key, Multisets.of(rows));
    }
    return result;
  }

  /**
   * The prefixed fingerprints of one side's rows in a window; a single all-null row when the side
   * has none, so that the product with the other side pads it.
   */
  private static List<RowFingerprint> sides(
      List<GenericRecord> rows, List<String> columns, String prefix) {
    if (rows == null) {
      return List.of(RowFingerprint.allNull(RowFingerprint.prefixed(prefix, columns)));
    }
    return rows.stream().map(row -> RowFingerprint.of(row, columns).prefixed(prefix)).toList();
  }

  private static Map<WindowKey, List<GenericRecord>> groupByWindow(List<GenericRecord> rows) {
    Map<WindowKey, List<GenericRecord>> byWindow = new LinkedHashMap<>();
    for (GenericRecord row : rows) {
      WindowKey key =
          WindowKey.containing(ReplayedSource.uuid(row), ReplayedSource.eventMicros(row));
      byWindow.computeIfAbsent(key, unused -> new ArrayList<>()).add(row);
    }
    return byWindow;
  }

  private static List<String> columns(Schema schema) {
    return schema.getFields().stream().map(Schema.Field::name).toList();
  }

  private static List<String> joinedColumns() {
    List<String> joinedColumns =
        new ArrayList<>(RowFingerprint.prefixed(LOCATION_PREFIX, LOCATION_COLUMNS));
    joinedColumns.addAll(RowFingerprint.prefixed(ACCELERATION_PREFIX, ACCELERATION_COLUMNS));
    return List.copyOf(joinedColumns);
  }
}
