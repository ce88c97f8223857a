package io.github.bddreplay.app;

import io.github.bddreplay.pipelines.SensorPipelinesOptions;
import io.github.bddreplay.pipelines.source.SensorSourceOptions;
import io.github.bddreplay.runners.EmbeddedSpark;
import io.github.bddreplay.runners.RunnerProfile;
import java.beans.Introspector;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The pipeline and runner options a user sets on our command lines, listed for {@code --help} from
 * the options interfaces themselves ({@link Description} and {@code @Default} annotations), so the
 * help cannot drift from what the options do. Beam's own {@code --help=<interface>} lists every
 * option of an interface, most of which do not matter here; this lists ours and the runner's few
 * that do.
 */
final class PipelineOptionsHelp {
  /** One interface's options: all it declares, or only those named. */
  private record Section(String title, Class<?> options, Set<String> only) {}

  private static final List<Section> SECTIONS =
      List.of(
          new Section("Pipelines", SensorPipelinesOptions.class, Set.of()),
          new Section("Reading the input", SensorSourceOptions.class, Set.of()),
          new Section("Runner", PipelineOptions.class, Set.of("runner")),
          new Section(
              "Spark runner",
              SparkPipelineOptions.class,
              Set.of(
                  "sparkMaster",
                  "batchIntervalMillis",
                  "checkpointDir",
                  "checkpointDurationMillis",
                  "minReadTimeMillis",
                  "maxRecordsPerBatch")));

  private PipelineOptionsHelp() {}

  /**
   * The options as help text: {@code --name=<type>}, its description and default, where the {@code
   * profile} (or the embedded Spark's own choice) overrides Beam's default.
   */
  static String text(RunnerProfile profile) {
    Map<String, String> defaults = new HashMap<>(profile.options());
    defaults.replaceAll((name, value) -> value + " (profile " + profile.name() + ")");
    defaults.put(
        "checkpointDir", "a new folder under " + EmbeddedSpark.CHECKPOINT_ROOT + " per run");
    StringBuilder text = new StringBuilder();
    for (Section section : SECTIONS) {
      text.append(String.format("%n%s options (--name=value):%n", section.title()));
      // A whole interface: what it declares itself. Named options: wherever in its hierarchy
      // they are declared (sparkMaster comes from a parent of SparkPipelineOptions).
      Method[] methods =
          section.only().isEmpty()
              ? section.options().getDeclaredMethods()
              : section.options().getMethods();
      Map<String, Method> getters = new TreeMap<>();
      Arrays.stream(methods)
          .filter(PipelineOptionsHelp::isGetter)
          .filter(m -> section.only().isEmpty() || section.only().contains(optionName(m)))
          .forEach(m -> getters.putIfAbsent(optionName(m), m));
      getters.values().forEach(getter -> describe(getter, defaults, text));
    }
    return text.toString();
  }

  private static void describe(Method getter, Map<String, String> defaults, StringBuilder text) {
    text.append(
        String.format(
            Locale.ROOT,
            "  --%s=<%s>%n",
            optionName(getter),
            getter.getReturnType().getSimpleName()));
    Description description = getter.getAnnotation(Description.class);
    String what = description == null ? "" : description.value();
    String defaultValue = defaults.getOrDefault(optionName(getter), defaultOf(getter));
    if (defaultValue != null) {
      what += " Default: " + defaultValue + ".";
    }
    for (String line : wrap(what.trim(), 72)) {
      text.append("      ").append(line).append(System.lineSeparator());
    }
  }

  private static boolean isGetter(Method method) {
    return method.getParameterCount() == 0
        && !method.isDefault()
        && !Modifier.isStatic(method.getModifiers())
        && (method.getName().startsWith("get") || method.getName().startsWith("is"));
  }

  private static String optionName(Method getter) {
    String name = getter.getName();
    return Introspector.decapitalize(name.substring(name.startsWith("is") ? 2 : 3));
  }

  /** The value of the method's {@code @Default.*} annotation, if it has a constant one. */
  private static String defaultOf(Method getter) {
    for (Annotation annotation : getter.getAnnotations()) {
      if (annotation.annotationType().getEnclosingClass() != Default.class) {
        continue;
      }
      try {
        Method value = annotation.annotationType().getMethod("value");
        Object constant = value.invoke(annotation);
        return constant instanceof Class<?> type ? type.getSimpleName() : String.valueOf(constant);
      } catch (ReflectiveOperationException e) {
        return null;
      }
    }
    return null;
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
