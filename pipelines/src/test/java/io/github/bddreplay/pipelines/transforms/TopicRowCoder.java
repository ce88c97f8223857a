package io.github.bddreplay.pipelines.transforms;

import io.github.bddreplay.contract.Topic;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.values.KV;

/**
 * Encodes a row of either topic next to its topic name, so one TestStream (one watermark, one
 * processing clock, one order of events) can feed both sides of a join.
 */
public class TopicRowCoder extends CustomCoder<KV<String, GenericRecord>> {
  @Override
  public void encode(KV<String, GenericRecord> value, OutputStream out) throws IOException {
    StringUtf8Coder.of().encode(value.getKey(), out);
    coderOf(value.getKey()).encode(value.getValue(), out);
  }

  @Override
  public KV<String, GenericRecord> decode(InputStream in) throws IOException {
    String topic = StringUtf8Coder.of().decode(in);
    return KV.of(topic, coderOf(topic).decode(in));
  }

  private static Coder<GenericRecord> coderOf(String topic) {
    return Topic.named(topic) == Topic.LOCATIONS
        ? BddRows.LOCATION_CODER
        : BddRows.ACCELERATION_CODER;
  }
}
