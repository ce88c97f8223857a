package io.github.bddreplay.pipelines.source;

import io.github.bddreplay.contract.Topic;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.Read;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.RawUnionValue;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Instant;

/**
 * The replayed sensor input as one PCollection per topic, {@link #LOCATIONS} and {@link
 * #ACCELERATIONS}: rows projected onto the topic's canonical schema, timestamped with their event
 * time. Continuously ({@link SensorFilesSource}: new files as they are published, in chunks of
 * rows, watermark following the data, end after the replay's end-of-stream marker), or, for a
 * finished replay, once as bounded input, row by row. Both read files the same way ({@link
 * SensorFileReader}) and put bad files in the same dead-letter folder.
 */
public final class ReadSensorStreams extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<GenericRecord> LOCATIONS = new TupleTag<>("locations") {};
  public static final TupleTag<GenericRecord> ACCELERATIONS = new TupleTag<>("accelerations") {};

  private final SensorSourceConfig config;
  private final Set<Topic> topics;

  private ReadSensorStreams(SensorSourceConfig config, Set<Topic> topics) {
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("no topic to read");
    }
    this.config = config;
    this.topics = Collections.unmodifiableSet(EnumSet.copyOf(topics));
  }

  /** Both topics. */
  public static ReadSensorStreams from(SensorSourceConfig config) {
    return new ReadSensorStreams(config, EnumSet.allOf(Topic.class));
  }

  /**
   * Only the topics some pipeline consumes; the output holds no others. Beam 2.70's Spark runner
   * (RUNNER-WORKAROUNDS.md) drops the outputs of a multi-output ParDo that nothing consumes, and
   * when only the main output is left it stops filtering by tag: a batch run of {@code windowed}
   * alone got acceleration rows in its locations. With every declared output consumed, the runner
   * filters.
   */
  public ReadSensorStreams onlyTopics(Set<Topic> wanted) {
    return new ReadSensorStreams(config, wanted);
  }

  /** The output of a topic's rows. */
  public static TupleTag<GenericRecord> tagOf(Topic topic) {
    return switch (topic) {
      case LOCATIONS -> LOCATIONS;
      case ACCELERATIONS -> ACCELERATIONS;
    };
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    List<TupleTag<?>> tags = topics.stream().<TupleTag<?>>map(ReadSensorStreams::tagOf).toList();
    TupleTag<GenericRecord> mainTag = tagOf(topics.iterator().next());
    TupleTagList otherTags = TupleTagList.of(tags.subList(1, tags.size()));
    PCollectionTuple rows;
    if (config.streaming()) {
      rows =
          input
              .apply(
                  "ReadNewSensorFiles",
                  Read.from(
                      new SensorFilesSource(
                          config,
                          RepeatableBatchesReader.runnerRecomputesReads(
                              input.getPipeline().getOptions()))))
              .apply(
                  "SplitByTopic",
                  ParDo.of(new SplitByTopicFn(topics)).withOutputTags(mainTag, otherTags));
    } else {
      rows =
          input
              .apply(
                  "MatchSensorFiles",
                  FileIO.match()
                      .filepattern(new InputFolder(config.inputDir()).filePattern())
                      .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
              .apply(
                  "ReadSensorFiles",
                  ParDo.of(new ReadSensorFileFn(new DeadLetters(config.errorsDir()), topics))
                      .withOutputTags(mainTag, otherTags));
    }
    for (Topic topic : topics) {
      rows.get(tagOf(topic)).setCoder(AvroCoder.of(GenericRecord.class, topic.schema()));
    }
    return rows;
  }

  /**
   * Unpacks each chunk of the continuous source into its topic's output, every row at its own event
   * time (never earlier than the chunk's, which is its earliest row's); a micro-batch read again
   * comes as one element of chunks.
   */
  static class SplitByTopicFn extends DoFn<RawUnionValue, GenericRecord> {
    private final Set<Topic> topics;

    SplitByTopicFn(Set<Topic> topics) {
      this.topics = topics;
    }

    @ProcessElement
    public void processElement(@Element RawUnionValue chunk, MultiOutputReceiver out) {
      if (chunk.getUnionTag() == SensorFilesSource.REPEATED_BATCH_TAG) {
        @SuppressWarnings("unchecked")
        List<RawUnionValue> chunks = (List<RawUnionValue>) chunk.getValue();
        chunks.forEach(each -> processElement(each, out));
        return;
      }
      Topic topic = Topic.values()[chunk.getUnionTag()];
      if (!topics.contains(topic)) {
        return;
      }
      OutputReceiver<GenericRecord> topicOutput = out.get(tagOf(topic));
      @SuppressWarnings("unchecked")
      List<GenericRecord> rows = (List<GenericRecord>) chunk.getValue();
      for (GenericRecord row : rows) {
        Instant eventTime = SensorFileReader.eventTimeOf(row);
        if (eventTime == null) {
          throw new IllegalStateException("the source delivered a row without event time: " + row);
        }
        topicOutput.outputWithTimestamp(row, eventTime);
      }
    }
  }

  /** Reads one matched file of a finished input folder into its topic's output. */
  static class ReadSensorFileFn extends DoFn<MatchResult.Metadata, GenericRecord> {
    private final DeadLetters deadLetters;
    private final Set<Topic> topics;

    ReadSensorFileFn(DeadLetters deadLetters, Set<Topic> topics) {
      this.deadLetters = deadLetters;
      this.topics = topics;
    }

    @ProcessElement
    public void processElement(@Element MatchResult.Metadata metadata, MultiOutputReceiver out) {
      Optional<SensorFile> file = SensorFile.fromMatch(metadata);
      if (file.isEmpty() || file.get().topic().filter(t -> !topics.contains(t)).isPresent()) {
        return;
      }
      try (SensorFileReader reader = SensorFileReader.open(file.get(), FilePosition.START)) {
        TupleTag<GenericRecord> tag = tagOf(reader.topic());
        for (TimestampedValue<GenericRecord> row = reader.next();
            row != null;
            row = reader.next()) {
          SensorSourceMetrics.rowsRead(reader.topic(), 1);
          out.get(tag).outputWithTimestamp(row.getValue(), row.getTimestamp());
        }
        reader.finished(deadLetters);
        SensorSourceMetrics.fileRead(reader.topic());
      } catch (BadSensorFileException e) {
        deadLetters.record(file.get(), e.getMessage());
      }
    }
  }
}
