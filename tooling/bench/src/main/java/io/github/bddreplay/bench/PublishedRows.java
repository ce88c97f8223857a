package io.github.bddreplay.bench;

import io.github.bddreplay.contract.Topic;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;

/**
 * Which publication each replayed row came from, told by (topic, uuid, event time), read from the
 * input files the replay log lists; and per publication, its rows with an event time (the others
 * never reach an output), their keys, and the latest event time among them.
 */
public final class PublishedRows {
  private static final String UUID = "uuid";

  /** A row's identity across input and output: the columns the simple pipeline copies unchanged. */
  record RowKey(String topic, String uuid, long timestampMicros) {}

  private final List<PublishedFile> publications;
  private final Map<RowKey, Integer> publicationOf = new HashMap<>();
  private final long[] rowsWithEventTime;
  private final long[] maxEventMicros;
  private final List<List<RowKey>> keysOf = new ArrayList<>();
  private long ambiguousKeys;

  private PublishedRows(List<PublishedFile> publications) {
    this.publications = publications;
    this.rowsWithEventTime = new long[publications.size()];
    this.maxEventMicros = new long[publications.size()];
  }

  public static PublishedRows read(List<PublishedFile> publications) throws IOException {
    PublishedRows rows = new PublishedRows(publications);
    for (int i = 0; i < publications.size(); i++) {
      int index = i;
      PublishedFile publication = publications.get(i);
      rows.maxEventMicros[i] = Long.MIN_VALUE;
      rows.keysOf.add(new ArrayList<>());
      ParquetScan.forEachRow(publication.file(), row -> rows.add(index, publication.topic(), row));
    }
    return rows;
  }

  private void add(int index, String topic, GenericRecord row) {
    Object timestamp = row.get(Topic.TIMESTAMP);
    if (!(timestamp instanceof Long micros)) {
      return;
    }
    rowsWithEventTime[index]++;
    maxEventMicros[index] = Math.max(maxEventMicros[index], micros);
    RowKey key = key(topic, row);
    keysOf.get(index).add(key);
    Integer earlier = publicationOf.putIfAbsent(key, index);
    if (earlier != null && earlier != index) {
      ambiguousKeys++;
    }
  }

  static RowKey key(String topic, GenericRecord row) {
    Object timestamp = row.get(Topic.TIMESTAMP);
    return new RowKey(
        topic, uuidOf(row.get(UUID)), timestamp instanceof Long l ? l : Long.MIN_VALUE);
  }

  /** A row's uuid as the keys hold it: the empty string for none. */
  static String uuidOf(Object uuid) {
    return uuid == null ? "" : uuid.toString();
  }

  /** The index of the publication that held the row, or -1 when none did. */
  public int publicationOf(String topic, GenericRecord row) {
    return publicationOf.getOrDefault(key(topic, row), -1);
  }

  public List<PublishedFile> publications() {
    return publications;
  }

  /** The keys of the publication's rows with an event time, one per row. */
  List<RowKey> keysOf(int publication) {
    return keysOf.get(publication);
  }

  public long rowsWithEventTime(int publication) {
    return rowsWithEventTime[publication];
  }

  /** The latest event time in the publication, epoch microseconds; MIN_VALUE when it has none. */
  public long maxEventMicros(int publication) {
    return maxEventMicros[publication];
  }

  /** Keys found in two publications: their rows are counted for the earlier one. */
  public long ambiguousKeys() {
    return ambiguousKeys;
  }
}
