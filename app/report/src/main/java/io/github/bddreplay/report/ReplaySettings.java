package io.github.bddreplay.report;

import io.github.bddreplay.contract.StreamLayout;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the replay ran ({@code replay-state.json}: start, speedup, loops, lateness, ...) and how it
 * ended ({@code input/_REPLAY_COMPLETE}, absent while a replay is unfinished), field by field as
 * the replayer wrote them, so the page shows whatever a newer replayer adds.
 */
record ReplaySettings(Map<String, Object> state, Map<String, Object> completion) {
  @SuppressWarnings("unchecked")
  static ReplaySettings read(Path results) {
    Map<String, Object> state =
        JsonFiles.readIfPresent(results.resolve(StreamLayout.REPLAY_STATE), LinkedHashMap.class)
            .orElse(null);
    Map<String, Object> completion =
        JsonFiles.readIfPresent(
                results.resolve(StreamLayout.INPUT).resolve(StreamLayout.END_OF_STREAM_MARKER),
                LinkedHashMap.class)
            .orElse(null);
    return new ReplaySettings(state, completion);
  }
}
