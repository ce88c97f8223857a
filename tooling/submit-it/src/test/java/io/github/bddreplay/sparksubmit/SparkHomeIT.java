package io.github.bddreplay.sparksubmit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

/** The assembled Spark home and the way the tests start Spark agree with the project's build. */
class SparkHomeIT {
  @Test
  void holdsTheSparkTheProjectIsBuiltWith() throws IOException {
    SparkHome spark = SparkHome.fromBuild();
    String sparkCore =
        "spark-core_"
            + SparkHome.scalaVersion()
            + "-"
            + SparkHome.property("spark.version")
            + ".jar";
    try (Stream<Path> jars = Files.list(spark.jars())) {
      assertThat(
          "spark/home/pom.xml's spark.version must equal the root pom's",
          jars.map(jar -> jar.getFileName().toString()).toList(),
          hasItem(sparkCore));
    }
  }

  /** bin/spark-submit adds these to every Spark JVM; the root pom's spark.add-opens must match. */
  @Test
  void addOpensAreSparkLaunchersOwn() {
    assertThat(
        SparkHome.addOpens(),
        is(Arrays.asList(JavaModuleOptions.defaultModuleOptions().split(" "))));
  }
}
