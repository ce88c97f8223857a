package io.github.bddreplay.parquet;

import java.util.Iterator;
import java.util.List;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;

/** The decompressed pages of one column chunk, handed to parquet's column reader in order. */
final class DecodedChunk implements PageReader {
  private final DictionaryPage dictionary;
  private final Iterator<DataPage> pages;
  private final long valueCount;

  /** @param dictionary the chunk's dictionary page, or null when it has none */
  DecodedChunk(DictionaryPage dictionary, List<DataPage> pages, long valueCount) {
    this.dictionary = dictionary;
    this.pages = pages.iterator();
    this.valueCount = valueCount;
  }

  @Override
  public DictionaryPage readDictionaryPage() {
    return dictionary;
  }

  @Override
  public long getTotalValueCount() {
    return valueCount;
  }

  @Override
  public DataPage readPage() {
    return pages.hasNext() ? pages.next() : null;
  }
}
