package io.github.bddreplay.replayer.synth;

import io.github.bddreplay.contract.SliceTime;
import io.github.bddreplay.contract.Topic;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Generates a synthetic data set in the layout and schemas of the real Berkeley DeepDrive extract:
 * {@code <out>/{locations,accelerations}/t=NNN.N/<car-uuid>.parquet}.
 *
 * <p>All values derive from the seed through split random streams fixed before any file is written
 * (the slice schedule, then one stream per car in car order), and every car writes only its own
 * files; so the output is byte-identical for equal configurations, whatever the number of threads
 * and the order they finish in. Memory holds the per-car plans (about a kilobyte each) and one
 * drive per thread, never all rows.
 */
public final class SyntheticDataset {
  private final int threads;
  private final Runnable carWritten;

  /** A generator writing on all available processors. */
  public SyntheticDataset() {
    this(Runtime.getRuntime().availableProcessors());
  }

  public SyntheticDataset(int threads) {
    this(threads, () -> {});
  }

  private SyntheticDataset(int threads, Runnable carWritten) {
    if (threads <= 0) {
      throw new IllegalArgumentException("the number of threads must be positive, was " + threads);
    }
    this.threads = threads;
    this.carWritten = carWritten;
  }

  /**
   * This generator, calling {@code carWritten} each time all files of a car are written, from the
   * writing threads, in the order the cars finish: to show progress.
   */
  public SyntheticDataset onEachCarWritten(Runnable carWritten) {
    return new SyntheticDataset(threads, carWritten);
  }

  /**
   * Writes the data set into {@code out}, which is created if missing and should be empty: files of
   * equal name are replaced, other content is left as it is.
   *
   * @throws IOException naming the file or folder that could not be written
   */
  public SynthSummary generate(SynthConfig config, Path out) throws IOException {
    SplittableRandom seeds = new SplittableRandom(config.seed());
    List<SliceTime> schedule = SliceSchedule.draw(config.durationSeconds(), seeds.split());
    List<CarPlan> drawn = new ArrayList<>(config.cars());
    for (int car = 0; car < config.cars(); car++) {
      drawn.add(CarPlan.draw(schedule, config.durationSeconds(), seeds.split()));
    }
    Set<SliceTime> slices = slicesWithBothTopics(drawn);
    List<CarPlan> plans = drawn.stream().map(plan -> plan.keepingOnly(slices)).toList();

    for (String topic : List.of(Topic.LOCATIONS.folderName(), Topic.ACCELERATIONS.folderName())) {
      for (SliceTime slice : slices) {
        Files.createDirectories(out.resolve(topic).resolve(slice.folderName()));
      }
    }
    CarWriter.Written written = writeAll(plans, new CarWriter(out, config.codec()));
    return new SynthSummary(
        config.cars(), slices.size(), written.locations(), written.accelerations());
  }

  /**
   * Generates the data set into {@code target}, which must not exist, all at once: it is written
   * into a hidden sibling folder and renamed into place when complete.
   *
   * @throws java.nio.file.FileAlreadyExistsException if {@code target} exists
   */
  public SynthSummary publish(SynthConfig config, Path target) throws IOException {
    return DatasetPublisher.publish(this, config, target);
  }

  /**
   * The slices that hold rows of both topics. Both topics of the real data have the same slice
   * times; a slice where the only cars lack one topic is left out altogether.
   */
  private static Set<SliceTime> slicesWithBothTopics(List<CarPlan> plans) {
    Set<SliceTime> withLocations = new TreeSet<>();
    Set<SliceTime> withAccelerations = new TreeSet<>();
    for (CarPlan plan : plans) {
      for (SliceWindow window : plan.windows()) {
        if (window.hasLocations(plan.gpsPhase())) {
          withLocations.add(window.time());
        }
        if (window.hasAccelerations()) {
          withAccelerations.add(window.time());
        }
      }
    }
    withLocations.retainAll(withAccelerations);
    return withLocations;
  }

  private CarWriter.Written writeAll(List<CarPlan> plans, CarWriter writer) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<CarWriter.Written>> cars = new ArrayList<>(plans.size());
      for (CarPlan plan : plans) {
        cars.add(
            pool.submit(
                () -> {
                  CarWriter.Written written = writer.write(plan, DriveSimulator.simulate(plan));
                  carWritten.run();
                  return written;
                }));
      }
      TopicCounts locations = TopicCounts.NONE;
      TopicCounts accelerations = TopicCounts.NONE;
      for (Future<CarWriter.Written> car : cars) {
        CarWriter.Written written = car.get();
        locations = locations.plus(written.locations());
        accelerations = accelerations.plus(written.accelerations());
      }
      return new CarWriter.Written(locations, accelerations);
    } catch (ExecutionException e) {
      throw rethrown(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while generating the synthetic data set");
    } finally {
      pool.shutdownNow();
    }
  }

  private static IOException rethrown(Throwable cause) {
    if (cause instanceof IOException io) {
      return io;
    }
    if (cause instanceof UncheckedIOException unchecked) {
      return unchecked.getCause();
    }
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    throw new IllegalStateException(cause);
  }
}
