package io.github.bddreplay.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.junit.jupiter.api.Test;

/** A bounded run on the DirectRunner, watched while it runs. */
class BoundedRunTest {
  private static final String NAMESPACE = "bounded-run-test";
  private static final String DONE = "done";
  private static final int ELEMENTS = 40;

  /** Counts each element after a pause, so that the run lasts long enough to be watched. */
  static class SlowCountFn extends DoFn<Integer, Integer> {
    private final Counter done = Metrics.counter(NAMESPACE, DONE);

    @ProcessElement
    public void processElement(@Element Integer element, OutputReceiver<Integer> out)
        throws InterruptedException {
      Thread.sleep(100);
      done.inc();
      out.output(element);
    }
  }

  @Test
  void theWatcherSeesTheCountersGrowWhileTheDirectRunnerRuns() {
    PipelineOptions options = PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create();
    Pipeline pipeline = Pipeline.create(options);
    pipeline
        .apply(Create.of(IntStream.range(0, ELEMENTS).boxed().toList()))
        // One bundle per key after the shuffle, as the bounded read of files has.
        .apply(Reshuffle.viaRandomKey())
        .apply(ParDo.of(new SlowCountFn()));
    MetricName done = MetricName.named(NAMESPACE, DONE);
    List<Long> seen = new CopyOnWriteArrayList<>();

    StreamingRunResult result =
        BoundedRun.run(pipeline, counters -> seen.add(counters.getOrDefault(done, 0L)));

    assertThat(result.state(), is(PipelineResult.State.DONE));
    assertThat(result.counter(NAMESPACE, DONE), is((long) ELEMENTS));
    assertThat(seen, everyItem(lessThanOrEqualTo((long) ELEMENTS)));
    assertThat(seen, hasItem(allOf(greaterThan(0L), lessThan((long) ELEMENTS))));
    assertThat(BoundedRun.countersGrowWhileRunning(options), is(true));
  }
}
