package io.github.bddreplay.pipelines.transforms;

import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Keys BDD rows by the car's {@code uuid}, which identifies one route. The column is nullable in
 * the source schema, so a missing uuid is kept as a null key instead of failing the pipeline.
 */
public class KeyByUuid
    extends PTransform<PCollection<GenericRecord>, PCollection<KV<String, GenericRecord>>> {

  @Override
  public PCollection<KV<String, GenericRecord>> expand(PCollection<GenericRecord> rows) {
    return rows.apply(
            "Key by uuid",
            WithKeys.of((GenericRecord row) -> RecordFields.string(row, RecordFields.UUID))
                .withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(NullableCoder.of(StringUtf8Coder.of()), rows.getCoder()));
  }
}
