package io.github.bddreplay.replayer.synth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import ch.hsr.geohash.GeoHash;
import ch.hsr.geohash.WGS84Point;
import io.github.bddreplay.contract.SliceTime;
import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.fixtures.realdata.ParquetRows;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that generated drives make physical sense, measured as a user of the files would. */
class DrivePlausibilityTest {
  private static final SynthConfig CONFIG = new SynthConfig(60, 120, 11, CompressionCodecName.GZIP);

  @TempDir static Path out;

  /** Rows per car uuid, in offset order. */
  private static final Map<String, List<Row>> LOCATIONS = new TreeMap<>();

  private static final Map<String, List<Row>> ACCELERATIONS = new TreeMap<>();

  private record Row(SliceTime slice, GenericRecord values) {
    double number(String column) {
      return (Double) values.get(column);
    }

    String text(String column) {
      Object value = values.get(column);
      return value == null ? null : value.toString();
    }

    double offset() {
      return number("offset");
    }
  }

  @BeforeAll
  static void generate() throws IOException {
    new SyntheticDataset(2).generate(CONFIG, out);
    read(Topic.LOCATIONS.folderName(), LOCATIONS);
    read(Topic.ACCELERATIONS.folderName(), ACCELERATIONS);
  }

  private static void read(String topic, Map<String, List<Row>> byCar) {
    for (Path file : ParquetRows.files(out.resolve(topic))) {
      SliceTime slice = SliceTime.parse(file.getParent().getFileName().toString()).orElseThrow();
      for (GenericRecord values : ParquetRows.read(file)) {
        Row row = new Row(slice, values);
        byCar.computeIfAbsent(row.text("uuid"), uuid -> new ArrayList<>()).add(row);
      }
    }
    byCar.values().forEach(rows -> rows.sort(Comparator.comparingDouble(Row::offset)));
  }

  private static List<Row> all(Map<String, List<Row>> byCar) {
    return byCar.values().stream().flatMap(List::stream).toList();
  }

  @Test
  void consecutiveFixesAreAsFarApartAsTheSpeedsSay() {
    int pairs = 0;
    for (List<Row> fixes : LOCATIONS.values()) {
      for (int i = 1; i < fixes.size(); i++) {
        Row from = fixes.get(i - 1);
        Row to = fixes.get(i);
        double seconds = to.offset() - from.offset();
        if (seconds > 1.5 || from.number("speed") < 0 || to.number("speed") < 0) {
          continue;
        }
        double expected = (from.number("speed") + to.number("speed")) / 2 * seconds;
        double distance = Kinematics.distanceMeters(point(from), point(to));
        assertThat(distance, closeTo(expected, 0.1 * expected + 2.5));
        pairs++;
      }
    }
    assertThat(pairs, greaterThan(50));
  }

  @Test
  void coursesPointWhereTheCarGoes() {
    int pairs = 0;
    for (List<Row> fixes : LOCATIONS.values()) {
      for (int i = 1; i < fixes.size(); i++) {
        Row from = fixes.get(i - 1);
        Row to = fixes.get(i);
        if (to.offset() - from.offset() > 1.5
            || Kinematics.distanceMeters(point(from), point(to)) < 10) {
          continue;
        }
        double turn = Kinematics.angleBetween(from.number("course"), to.number("course"));
        double between =
            Kinematics.normalizeDegrees(from.number("course") + signedTurn(from, to) / 2);
        assertThat(turn, lessThan(40.0));
        assertThat(
            Kinematics.angleBetween(Kinematics.bearingDegrees(point(from), point(to)), between),
            lessThan(15.0));
        pairs++;
      }
    }
    assertThat(pairs, greaterThan(30));
  }

  private static double signedTurn(Row from, Row to) {
    double turn = Kinematics.normalizeDegrees(to.number("course") - from.number("course"));
    return turn > 180 ? turn - 360 : turn;
  }

  @Test
  void speedsAreMetersPerSecondAndRarelyUnknown() {
    List<Double> speeds = all(LOCATIONS).stream().map(row -> row.number("speed")).toList();
    long unknown = speeds.stream().filter(speed -> speed == -1).count();
    assertThat(unknown, greaterThan(0L));
    assertThat((double) unknown / speeds.size(), lessThan(0.02));
    assertThat(
        speeds.stream().filter(speed -> speed != -1).toList(),
        everyItem(allOf(greaterThanOrEqualTo(0.0), lessThanOrEqualTo(35.0))));
    assertThat(speeds.stream().filter(speed -> speed == 0).count(), greaterThan(0L));
  }

  @Test
  void geohashesEncodeThePositionInTwelveCharacters() {
    for (Row fix : all(LOCATIONS)) {
      String geohash = fix.text("geohash");
      assertThat(geohash, matchesPattern("[0-9b-hjkmnp-z]{12}"));
      WGS84Point position = new WGS84Point(fix.number("latitude"), fix.number("longitude"));
      assertThat(GeoHash.fromGeohashString(geohash).contains(position), is(true));
    }
  }

  @Test
  void drivesAreInNewYorkOrTheBayArea() {
    for (Row fix : all(LOCATIONS)) {
      double latitude = fix.number("latitude");
      double longitude = fix.number("longitude");
      boolean newYork =
          latitude > 40.3 && latitude < 41.2 && longitude > -74.4 && longitude < -73.4;
      boolean bayArea =
          latitude > 37.2 && latitude < 38.1 && longitude > -122.7 && longitude < -121.9;
      assertThat(latitude + "," + longitude, newYork || bayArea, is(true));
    }
  }

  @Test
  void gpsColumnsHaveTheRealDataValues() {
    for (Row fix : all(LOCATIONS)) {
      assertThat(fix.number("course"), allOf(greaterThanOrEqualTo(0.0), lessThan(360.0)));
      assertThat(fix.number("accuracy"), anyOf(is(5.0), is(10.0), is(30.0)));
      assertThat(fix.values().get("timelapse"), is(false));
    }
  }

  @Test
  void identifyingColumnsAreConstantPerCarAndIdIsSometimesMissing() {
    int missingIds = 0;
    for (String uuid : LOCATIONS.keySet()) {
      List<Row> rows = new ArrayList<>(LOCATIONS.get(uuid));
      rows.addAll(ACCELERATIONS.getOrDefault(uuid, List.of()));
      Row first = rows.get(0);
      assertThat(uuid, matchesPattern("[0-9a-f]{32}"));
      assertThat(first.text("ride_id"), matchesPattern("[0-9a-f]{32}"));
      assertThat(
          first.text("filename"),
          matchesPattern(
              "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\\.mov"));
      if (first.text("id") == null) {
        missingIds++;
      } else {
        assertThat(
            first.text("id"), allOf(matchesPattern("[0-9a-f]{32}"), not(first.text("ride_id"))));
      }
      for (Row row : rows) {
        for (String column : List.of("id", "ride_id", "filename")) {
          assertThat(
              row.text(column), first.text(column) == null ? nullValue() : is(first.text(column)));
        }
      }
    }
    assertThat(missingIds, allOf(greaterThan(0), lessThan(LOCATIONS.size() / 2)));
  }

  @Test
  void rowsLieInTheirSliceAndTimestampsFollowOffsets() {
    for (Map<String, List<Row>> topic : List.of(LOCATIONS, ACCELERATIONS)) {
      for (List<Row> rows : topic.values()) {
        long previous = Long.MIN_VALUE;
        for (Row row : rows) {
          assertThat(
              row.offset() - row.slice().seconds(),
              allOf(greaterThanOrEqualTo(-0.05), lessThanOrEqualTo(1.7)));
          long timestamp = (Long) row.values().get("timestamp");
          assertThat(timestamp, greaterThanOrEqualTo(previous));
          previous = timestamp;
        }
        long span = previous - (Long) rows.get(0).values().get("timestamp");
        assertThat(
            (double) span, closeTo(rows.get(rows.size() - 1).offset() - rows.get(0).offset(), 1.0));
      }
    }
  }

  @Test
  void accelerometersSampleAtFiftyHertzWithGravityOnX() {
    for (List<Row> samples : ACCELERATIONS.values()) {
      double sumX = 0;
      for (int i = 0; i < samples.size(); i++) {
        Row sample = samples.get(i);
        sumX += sample.number("x");
        if (i > 0 && samples.get(i - 1).slice().equals(sample.slice())) {
          assertThat(sample.offset() - samples.get(i - 1).offset(), closeTo(0.02, 1e-9));
        }
      }
      assertThat(Math.abs(sumX / samples.size()), closeTo(1.0, 0.05));
    }
  }

  /**
   * Between two fixes a second apart in the same slice, the z samples (in g) must add up to the
   * change of speed the fixes report.
   */
  @Test
  void theLongitudinalAxisIntegratesToTheSpeedChanges() {
    List<double[]> changes = new ArrayList<>();
    for (Map.Entry<String, List<Row>> car : LOCATIONS.entrySet()) {
      List<Row> fixes = car.getValue();
      List<Row> samples = ACCELERATIONS.getOrDefault(car.getKey(), List.of());
      for (int i = 1; i < fixes.size(); i++) {
        Row from = fixes.get(i - 1);
        Row to = fixes.get(i);
        if (!from.slice().equals(to.slice())
            || from.number("speed") < 0
            || to.number("speed") < 0) {
          continue;
        }
        List<Row> between =
            samples.stream()
                .filter(s -> s.offset() >= from.offset() - 1e-6 && s.offset() < to.offset() - 1e-6)
                .toList();
        if (between.size() != 50) {
          continue;
        }
        double integrated =
            between.stream().mapToDouble(s -> s.number("z")).sum()
                * Kinematics.STANDARD_GRAVITY
                * 0.02;
        changes.add(new double[] {to.number("speed") - from.number("speed"), integrated});
      }
    }
    assertThat(changes, hasSize(greaterThan(30)));
    double meanError =
        changes.stream()
            .mapToDouble(change -> Math.abs(change[0] - change[1]))
            .average()
            .orElseThrow();
    assertThat(meanError, lessThan(0.3));
    assertThat(correlation(changes), greaterThan(0.9));
  }

  @Test
  void carsStartAndEndAtDifferentTimesAndDriveForAboutFortySeconds() {
    Set<Double> starts = new HashSet<>();
    Set<Double> ends = new HashSet<>();
    for (String uuid : ACCELERATIONS.keySet()) {
      List<Row> rows = new ArrayList<>(ACCELERATIONS.get(uuid));
      rows.addAll(LOCATIONS.getOrDefault(uuid, List.of()));
      double start = rows.stream().mapToDouble(Row::offset).min().orElseThrow();
      double end = rows.stream().mapToDouble(Row::offset).max().orElseThrow();
      assertThat(end - start, allOf(greaterThan(25.0), lessThanOrEqualTo(41.0)));
      starts.add(start);
      ends.add(end);
    }
    assertThat(starts, hasSize(ACCELERATIONS.size()));
    assertThat(ends, hasSize(ACCELERATIONS.size()));
    assertThat(ACCELERATIONS.size(), greaterThan(CONFIG.cars() * 9 / 10));
    double earliest = starts.stream().min(Double::compare).orElseThrow();
    double latest = starts.stream().max(Double::compare).orElseThrow();
    assertThat(latest - earliest, greaterThan(CONFIG.durationSeconds() / 2));
  }

  @Test
  void aCarIsSometimesInOneTopicOfASliceButNotTheOther() {
    Set<String> locationSlices = carSlices(LOCATIONS);
    Set<String> accelerationSlices = carSlices(ACCELERATIONS);
    Set<String> both = new HashSet<>(locationSlices);
    both.retainAll(accelerationSlices);
    int onlyOne = locationSlices.size() + accelerationSlices.size() - 2 * both.size();
    assertThat(onlyOne, greaterThan(0));
    assertThat((double) onlyOne / both.size(), lessThan(0.15));
  }

  private static Set<String> carSlices(Map<String, List<Row>> topic) {
    Set<String> carSlices = new HashSet<>();
    topic.forEach((uuid, rows) -> rows.forEach(row -> carSlices.add(uuid + "@" + row.slice())));
    return carSlices;
  }

  private static GeoPoint point(Row fix) {
    return new GeoPoint(fix.number("latitude"), fix.number("longitude"));
  }

  private static double correlation(List<double[]> pairs) {
    double meanA = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
    double meanB = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
    double covariance = 0;
    double varianceA = 0;
    double varianceB = 0;
    for (double[] p : pairs) {
      covariance += (p[0] - meanA) * (p[1] - meanB);
      varianceA += (p[0] - meanA) * (p[0] - meanA);
      varianceB += (p[1] - meanB) * (p[1] - meanB);
    }
    return covariance / Math.sqrt(varianceA * varianceB);
  }
}
