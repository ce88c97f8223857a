package io.github.bddreplay.sparksubmit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the bundle holds, against the Spark home it is submitted to. spark-submit puts Spark's jars
 * before the bundle, so a class in both would always load from Spark's jar: the bundle must leave
 * such libraries out (or relocate them, as it does Parquet, when it needs its own version).
 */
class SparkBundleIT {
  private static final String APP = "io.github.bddreplay.app.BddReplayApp";

  private SparkHome spark;

  @BeforeEach
  void locate() {
    spark = SparkHome.fromBuild();
  }

  @Test
  void holdsNoClassThatTheSparkHomeShips() throws IOException {
    Map<String, String> sparkClasses = new TreeMap<>();
    for (Path jar : sparkJars()) {
      for (String name : classes(jar)) {
        sparkClasses.putIfAbsent(name, jar.getFileName().toString());
      }
    }
    List<String> shadowed =
        classes(spark.bundle()).stream()
            .filter(sparkClasses::containsKey)
            .map(name -> name + " (also in " + sparkClasses.get(name) + ")")
            .limit(20)
            .toList();
    assertThat(
        "classes in the bundle that Spark's jars shadow: exclude their artifact from the bundle"
            + " (spark/bundle/pom.xml) or relocate it",
        shadowed,
        is(empty()));
  }

  @Test
  void leavesTheDirectRunnerOut() throws IOException {
    assertThat(
        classes(spark.bundle()).stream()
            .filter(name -> name.startsWith("org/apache/beam/runners/direct/"))
            .limit(5)
            .toList(),
        is(empty()));
  }

  /** Beam finds file systems through their registrars' service entries, merged by the shade. */
  @Test
  void registersBeamsHadoopFileSystem() throws IOException {
    try (JarFile bundle = new JarFile(spark.bundle().toFile())) {
      JarEntry services =
          bundle.getJarEntry("META-INF/services/org.apache.beam.sdk.io.FileSystemRegistrar");
      assertThat("the bundle's file system registrars", services, is(notNullValue()));
      String registrars =
          new String(bundle.getInputStream(services).readAllBytes(), StandardCharsets.UTF_8);
      assertThat(
          registrars, containsString("org.apache.beam.sdk.io.hdfs.HadoopFileSystemRegistrar"));
      assertThat(registrars, containsString("org.apache.beam.sdk.io.LocalFileSystemRegistrar"));
    }
  }

  @Test
  void startsTheAppByDefault() throws IOException {
    try (JarFile bundle = new JarFile(spark.bundle().toFile())) {
      assertThat(
          bundle.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS), is(APP));
    }
    assertThat(
        APP + " in the bundle",
        classes(spark.bundle()).contains(APP.replace('.', '/') + ".class"),
        is(true));
  }

  private List<Path> sparkJars() throws IOException {
    try (Stream<Path> jars = Files.list(spark.jars())) {
      return jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().toList();
    }
  }

  /** The class files of {@code jar}, without module descriptors and multi-release variants. */
  private static List<String> classes(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream()
          .map(JarEntry::getName)
          .filter(name -> name.endsWith(".class"))
          .filter(name -> !name.startsWith("META-INF/"))
          .filter(name -> !name.endsWith("module-info.class"))
          .toList();
    }
  }
}
