package io.github.bddreplay.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What {@code verify} found, from its {@code verify.json}: the verdict and each check. */
@JsonIgnoreProperties(ignoreUnknown = true)
record VerifyOutcome(
    @JsonProperty(value = "verdict", required = true) String verdict,
    @JsonProperty("computed_from") String computedFrom,
    @JsonProperty("seconds") Double seconds,
    @JsonProperty(value = "checks", required = true) List<Check> checks) {
  static final String FILE = "verify.json";

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Check(
      @JsonProperty(value = "check", required = true) String check,
      @JsonProperty("expected") String expected,
      @JsonProperty("found") String found,
      @JsonProperty(value = "verdict", required = true) String verdict,
      @JsonProperty("differences") List<String> differences) {}

  /** The outcome recorded in {@code results}, or empty when the run was not verified. */
  static Optional<VerifyOutcome> read(Path results) {
    return JsonFiles.readIfPresent(results.resolve(FILE), VerifyOutcome.class);
  }
}
