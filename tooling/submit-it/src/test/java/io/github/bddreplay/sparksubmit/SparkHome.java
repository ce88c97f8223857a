package io.github.bddreplay.sparksubmit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The Spark home that spark/home assembles and the bundle that spark/bundle shades, where the build
 * says they are. Tests fail, never skip, when either is missing: run {@code mvn verify}, which
 * packages both first.
 *
 * <p>No Spark distribution is installed here, so this runs Spark's main classes the way {@code
 * bin/spark-class} does: {@code java} with the add-opens of Spark's launcher ({@code
 * JavaModuleOptions}), a heap, and {@code conf/} and {@code jars/*} on the class path.
 */
final class SparkHome {
  private final Path dir;
  private final Path bundle;

  private SparkHome(Path dir, Path bundle) {
    this.dir = dir;
    this.bundle = bundle;
  }

  static SparkHome fromBuild() {
    Path dir = path("spark.home.dir");
    if (!Files.isDirectory(dir.resolve("jars")) || !Files.isDirectory(dir.resolve("conf"))) {
      fail("no Spark home at " + dir + " (spark/home assembles it in `mvn package`)");
    }
    Path bundle = path("spark.bundle");
    if (!Files.isRegularFile(bundle)) {
      fail("no bundle at " + bundle + " (spark/bundle shades it in `mvn package`)");
    }
    return new SparkHome(dir, bundle);
  }

  Path jars() {
    return dir.resolve("jars");
  }

  Path bundle() {
    return bundle;
  }

  /** The command bin/spark-class runs for {@code mainClass}: its JVM gets {@code heap} at most. */
  List<String> javaCommand(String heap, String mainClass, List<String> args) {
    return javaCommand(heap, mainClass, args, null);
  }

  /**
   * The same command where {@code HADOOP_CONF_DIR} is {@code hadoopConfDir}: bin/spark-class puts
   * that folder on the class path after {@code conf/}.
   */
  List<String> javaCommand(String heap, String mainClass, List<String> args, Path hadoopConfDir) {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(addOpens());
    command.add("-Xmx" + heap);
    command.add("-cp");
    command.add(
        dir.resolve("conf")
            + "/:"
            + (hadoopConfDir == null ? "" : hadoopConfDir + "/:")
            + jars()
            + "/*");
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  /**
   * The environment Spark's scripts give every Spark process: its home (the Worker launches
   * executors from it), the Scala version (the launcher looks for build folders without it), and
   * loopback as the local address (the host name need not resolve in a container).
   */
  Map<String, String> environment() {
    return Map.of(
        "SPARK_HOME", dir.toString(),
        "SPARK_SCALA_VERSION", scalaVersion(),
        "SPARK_LOCAL_IP", "127.0.0.1");
  }

  /**
   * The JVM flags of the root pom's spark.add-opens, the one list every Spark JVM here gets: a java
   * {@code @argument-file} (.mvn/jvm.config), read here so the test can compare it too.
   */
  static List<String> addOpens() {
    String flags = property("spark.add-opens").trim();
    if (flags.startsWith("@")) {
      try {
        flags = Files.readString(Paths.get(flags.substring(1))).trim();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the add-opens file " + flags, e);
      }
    }
    return Arrays.asList(flags.split("\\s+"));
  }

  /** Scala's binary version, as in Spark's artifact names. */
  static String scalaVersion() {
    return property("scala.binary.version");
  }

  static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      fail("system property " + name + " is not set (spark/submit-it's failsafe plugin sets it)");
    }
    return value;
  }

  private static Path path(String name) {
    return Paths.get(property(name)).toAbsolutePath().normalize();
  }
}
