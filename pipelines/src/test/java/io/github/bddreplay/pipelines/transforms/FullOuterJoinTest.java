package io.github.bddreplay.pipelines.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;

import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class FullOuterJoinTest {
  private static final WindowPane PANE = new WindowPane(0L, 15_000_000L, 1, "LATE");

  private static GenericRecord loc(String id, String uuid) {
    return BddRows.location(id, uuid, "ride", 1, 5.0).getValue();
  }

  private static GenericRecord acc(String id, String uuid) {
    return BddRows.acceleration(id, uuid, 1).getValue();
  }

  /** "loc_id x acc_id", with "-" for a padded side. */
  private static List<String> pairs(List<GenericRecord> rows) {
    return rows.stream()
        .map(r -> orDash(r.get("loc_id")) + " x " + orDash(r.get("acc_id")))
        .toList();
  }

  private static String orDash(Object value) {
    return value == null ? "-" : value.toString();
  }

  @Test
  void pairsEveryLocationWithEveryAcceleration() {
    List<GenericRecord> rows =
        FullOuterJoin.rows(
            "car",
            List.of(loc("L1", "car"), loc("L2", "car")),
            List.of(acc("A1", "car"), acc("A2", "car"), acc("A3", "car")),
            PANE);

    assertThat(
        pairs(rows),
        containsInAnyOrder(
            "L1 x A1", "L1 x A2", "L1 x A3", "L2 x A1", "L2 x A2", "L2 x A3"));
  }

  @Test
  void locationsWithoutPartnerArePadded() {
    List<GenericRecord> rows =
        FullOuterJoin.rows("car", List.of(loc("L1", "car"), loc("L2", "car")), List.of(), PANE);

    assertThat(pairs(rows), containsInAnyOrder("L1 x -", "L2 x -"));
  }

  @Test
  void accelerationsWithoutPartnerArePadded() {
    List<GenericRecord> rows =
        FullOuterJoin.rows("car", List.of(), List.of(acc("A1", "car")), PANE);

    assertThat(pairs(rows), containsInAnyOrder("- x A1"));
  }

  @Test
  void nullUuidNeverPairsAsInASqlEquiJoin() {
    List<GenericRecord> rows =
        FullOuterJoin.rows(null, List.of(loc("L1", null)), List.of(acc("A1", null)), PANE);

    assertThat(pairs(rows), containsInAnyOrder("L1 x -", "- x A1"));
  }

  @Test
  void nothingInNothingOut() {
    assertThat(FullOuterJoin.rows("car", List.of(), List.of(), PANE), empty());
  }
}
