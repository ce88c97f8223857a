package io.github.bddreplay.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSamplerTest {
  @TempDir Path work;

  @Test
  void readsTheResidentSetOfAStatusText() {
    String status = "Name:\tjava\nVmPeak:\t 4000000 kB\nVmRSS:\t  123456 kB\nRssAnon:\t 100 kB\n";
    assertThat(ProcessSampler.rssKib(status), is(OptionalLong.of(123_456)));
  }

  @Test
  void aProcessThatExitedHasNoResidentSet() {
    assertThat(
        ProcessSampler.rssKib("Name:\tjava\nState:\tZ (zombie)\n"), is(OptionalLong.empty()));
  }

  @Test
  void samplesTheJvmUnderTimeUntilItExits() throws Exception {
    ChildJvm.Running child =
        ChildJvm.likeThisOne()
            .start(
                "sleeper",
                List.of("-Xmx64m"),
                ChildJvmTest.Sleeper.class.getName(),
                List.of(),
                work,
                work.resolve("logs"));
    List<ProcessSampler.Sample> samples;
    try (ProcessSampler sampler = new ProcessSampler(Duration.ofMillis(200))) {
      sampler.watch(child);
      Thread.sleep(2_000);
      child.kill();
      child.await(Duration.ofSeconds(30));
      int atExit = sampler.samples().size();
      Thread.sleep(600);
      samples = sampler.samples();
      assertThat("no sample after the JVM exited", samples, hasSize(atExit));
    }
    assertThat(samples.size(), greaterThanOrEqualTo(5));
    // After two seconds a JVM holds tens of MiB and has its jars open; GNU time itself stays at
    // about 2 MiB, so sampling time instead of its child fails this.
    ProcessSampler.Sample last = samples.get(samples.size() - 1);
    assertThat(last.rssKib(), greaterThan(20_000L));
    assertThat(last.openFiles(), greaterThan(3));
  }
}
