package io.github.bddreplay.runners;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A named set of runner options, kept as a plain file under the repository's {@code profiles/}
 * ({@code spark-local.properties}, {@code spark-standalone.properties}, {@code
 * flink-local.properties}, {@code direct.properties}) so a user changes a setting in one place. The
 * build copies the folder into the pipelines jar, so the launcher, the Maven profiles (which only
 * name a profile) and spark-submit of the bundled jar read the same files. Each {@code name=value}
 * line stands for the pipeline option {@code --name=value}; options on the command line win.
 */
public record RunnerProfile(String name, Map<String, String> options) {
  /** The profile used when none is named: the embedded local Spark. */
  public static final String DEFAULT = "spark-local";

  /** The command-line option that names a profile, or a profile file. */
  public static final String OPTION = "--profile";

  /** The system property the Maven profiles set to name a profile (the command line wins). */
  public static final String SYSTEM_PROPERTY = "bdd.profile";

  private static final String BUNDLED_FOLDER = "profiles/";
  private static final String SUFFIX = ".properties";

  public RunnerProfile {
    options = Map.copyOf(options);
  }

  /**
   * The profile {@code nameOrFile}: a profile file, if a file of that path exists, else the bundled
   * profile of that name ({@code profiles/<name>.properties} on the class path).
   *
   * @throws IllegalArgumentException when there is neither, naming what was looked for
   */
  public static RunnerProfile named(String nameOrFile) {
    Path file = Paths.get(nameOrFile);
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        return read(
            file.getFileName().toString().replaceAll("\\.properties$", ""), in, file.toString());
      } catch (IOException e) {
        throw new UncheckedIOException(file + ": cannot read the profile: " + e.getMessage(), e);
      }
    }
    String resource = BUNDLED_FOLDER + nameOrFile + SUFFIX;
    try (InputStream in = RunnerProfile.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "no runner profile '"
                + nameOrFile
                + "': neither a file of that path nor a bundled profile (profiles/<name>.properties:"
                + " spark-local, spark-standalone, flink-local, direct)");
      }
      return read(nameOrFile, in, resource);
    } catch (IOException e) {
      throw new UncheckedIOException(resource + ": cannot read the profile: " + e.getMessage(), e);
    }
  }

  /**
   * {@code args} with the options of the profile they name ({@value #OPTION}{@code =NAME|FILE},
   * else system property {@value #SYSTEM_PROPERTY}, else {@value #DEFAULT}) added where the
   * arguments do not set them; the profile option itself is removed, it is not a pipeline option.
   */
  public static String[] apply(String... args) {
    String chosen = System.getProperty(SYSTEM_PROPERTY, DEFAULT);
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith(OPTION + "=")) {
        chosen = arg.substring(OPTION.length() + 1);
      } else if (arg.equals(OPTION) && i + 1 < args.length) {
        chosen = args[++i];
      } else {
        rest.add(arg);
      }
    }
    return named(chosen).fillIn(rest.toArray(new String[0]));
  }

  /** {@code args} plus {@code --name=value} for every option of this profile they do not give. */
  public String[] fillIn(String... args) {
    List<String> merged = new ArrayList<>(Arrays.asList(args));
    options.forEach(
        (option, value) -> {
          if (givenValue(args, option) == null) {
            merged.add("--" + option + "=" + value);
          }
        });
    return merged.toArray(new String[0]);
  }

  /** The value of {@code option} in this profile. */
  public String option(String option) {
    String value = options.get(option);
    if (value == null) {
      throw new IllegalStateException("profile " + name + " sets no " + option);
    }
    return value;
  }

  /** The value {@code args} give option {@code name} ({@code "true"} for a bare flag), or null. */
  static String givenValue(String[] args, String name) {
    String flag = "--" + name;
    for (String arg : args) {
      if (arg.equals(flag)) {
        return "true";
      }
      if (arg.startsWith(flag + "=")) {
        return arg.substring(flag.length() + 1);
      }
    }
    return null;
  }

  private static RunnerProfile read(String name, InputStream in, String where) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    Map<String, String> options = new TreeMap<>();
    for (String option : properties.stringPropertyNames()) {
      String value = properties.getProperty(option).trim();
      if (option.startsWith("-") || value.isEmpty()) {
        throw new IllegalArgumentException(
            where
                + ": '"
                + option
                + "' must be a pipeline option name (no leading '--') with a value");
      }
      options.put(option, value);
    }
    return new RunnerProfile(name, options);
  }
}
