package io.github.bddreplay.pipelines.transforms;

import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Keys BDD rows by the car's {@code uuid}, which identifies one route. A row without uuid belongs
 * to no route and is left out; the source counts such rows and lists them in a row-level dead
 * letter, and {@code simple} keeps them.
 */
public class KeyByUuid
    extends PTransform<PCollection<GenericRecord>, PCollection<KV<String, GenericRecord>>> {

  @Override
  public PCollection<KV<String, GenericRecord>> expand(PCollection<GenericRecord> rows) {
    return rows.apply("Key by uuid, rows without left out", ParDo.of(new KeyRoutedRowsFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), rows.getCoder()));
  }

  static final class KeyRoutedRowsFn extends DoFn<GenericRecord, KV<String, GenericRecord>> {
    @ProcessElement
    public void processElement(
        @Element GenericRecord row, OutputReceiver<KV<String, GenericRecord>> out) {
      String uuid = RecordFields.string(row, RecordFields.UUID);
      if (uuid != null) {
        out.output(KV.of(uuid, row));
      }
    }
  }
}
