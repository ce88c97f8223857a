package io.github.bddreplay.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A child JVM under /usr/bin/time: its exit code, output and cost come back. */
class ChildJvmTest {
  @TempDir Path work;

  /** The child: prints its arguments, exits with the code it is given. */
  public static final class Echo {
    public static void main(String[] args) {
      System.out.println(String.join(" ", args));
      System.exit(Integer.parseInt(args[0]));
    }
  }

  @Test
  void reportsExitCodeOutputCpuAndMemory() throws Exception {
    ChildJvm.Running child =
        ChildJvm.likeThisOne()
            .start(
                "echo",
                List.of("-Xmx64m"),
                Echo.class.getName(),
                List.of("3", "hello"),
                work,
                work.resolve("logs"));
    ProcessUsage usage = child.await(Duration.ofMinutes(1));
    assertThat(usage.exitCode(), is(3));
    assertThat(usage.succeeded(), is(false));
    assertThat(Files.readString(child.stdout()), containsString("3 hello"));
    assertThat(usage.cpuSeconds(), greaterThan(0.0));
    assertThat(usage.maxResidentKib(), greaterThan(10_000L));
    assertThat(usage.ended().isAfter(usage.started()), is(true));
  }

  @Test
  void aChildThatOutlivesItsTimeoutIsStopped() throws Exception {
    ChildJvm.Running child =
        ChildJvm.likeThisOne()
            .start(
                "sleeper",
                List.of("-Xmx64m"),
                Sleeper.class.getName(),
                List.of(),
                work,
                work.resolve("logs"));
    ProcessUsage usage = child.await(Duration.ofSeconds(2));
    assertThat(usage.exitCode(), is(-1));
    assertThat(child.isAlive(), is(false));
  }

  /** The child that never ends by itself. */
  public static final class Sleeper {
    public static void main(String[] args) throws InterruptedException {
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
