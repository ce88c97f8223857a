package io.github.bddreplay.report;

import io.github.bddreplay.contract.ReplayLogLine;
import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.contract.Topic;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Everything the page shows, gathered from a results folder; the page embeds it as JSON and its
 * script draws the charts from it. Times are epoch milliseconds.
 *
 * @param verify null when the run was not verified
 */
record ReportData(
    String results,
    String generated,
    long watermarkDelayMillis,
    ReplaySettings replay,
    VerifyOutcome verify,
    RunFacts facts,
    Sampling sampling,
    List<CarLabels.Car> cars,
    List<PublicationPoint> publications,
    List<CarSpeeds> speeds,
    List<WindowPaneCounts> panesPerWindow,
    List<PaneFileMark> paneFiles,
    List<CarTrack> tracks,
    List<TrackRegion> regions) {

  /** What the per-car charts left out of a large run (see {@link PageLimits}). */
  record Sampling(
      int carsDrawnAtMost,
      int trackPointsPerCarAtMost,
      long carsWithWindows,
      int carsInSpeedChart,
      long carsWithFixes,
      int carsInTrackChart,
      long tracksThinned,
      long paneMarksMergedWithinMillis) {}

  static ReportData collect(Path results, long watermarkDelayMillis, PageLimits limits) {
    List<ReplayLogLine> log = PublicationLog.read(results);
    ReplaySettings replay = ReplaySettings.read(results);
    VerifyOutcome verify = VerifyOutcome.read(results).orElse(null);
    Path input = results.resolve(StreamLayout.INPUT);
    Path output = results.resolve(StreamLayout.OUTPUT);
    try (ParquetSql sql = ParquetSql.open()) {
      List<PaneRow> windowed = WindowedOutput.read(sql, output);
      Path locations = input.resolve(Topic.LOCATIONS.folderName());
      Map<String, CarTrack> allTracks =
          CarTrack.read(
              sql, ParquetSql.files(locations), locations.toString(), limits.trackPointsPerCar());
      List<CarTrack> tracks = allTracks.values().stream().limit(limits.carsDrawn()).toList();
      List<CarSpeeds> speeds = CarSpeeds.of(windowed, limits.carsDrawn());
      RunFacts facts =
          RunFacts.of(
              sql,
              ParquetSql.files(input),
              input.toString(),
              log,
              windowed,
              output,
              results.resolve(StreamLayout.ERRORS));
      TreeSet<String> drawn = new TreeSet<>();
      speeds.forEach(car -> drawn.add(car.uuid()));
      tracks.forEach(car -> drawn.add(car.uuid()));
      PaneFileMark.Marks paneMarks = PaneFileMark.of(windowed, limits.paneMarks());
      Sampling sampling =
          new Sampling(
              limits.carsDrawn(),
              limits.trackPointsPerCar(),
              facts.carsWindowed(),
              speeds.size(),
              allTracks.size(),
              tracks.size(),
              tracks.stream().filter(CarTrack::thinned).count(),
              paneMarks.mergedWithinMillis());
      return new ReportData(
          results.toString(),
          Instant.now().toString(),
          watermarkDelayMillis,
          replay,
          verify,
          facts,
          sampling,
          CarLabels.of(drawn),
          PublicationPoint.of(sql, results, log, watermarkDelayMillis),
          speeds,
          WindowPaneCounts.of(windowed),
          paneMarks.marks(),
          tracks,
          TrackRegion.of(tracks));
    }
  }
}
