package io.github.bddreplay.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SliceTimeTest {
  @Test
  void parsesAndNamesSliceFolders() {
    assertThat(SliceTime.parse("t=052.5"), is(Optional.of(new SliceTime(525))));
    assertThat(new SliceTime(525).folderName(), is("t=052.5"));
    assertThat(new SliceTime(5).folderName(), is("t=000.5"));
    assertThat(new SliceTime(12345).folderName(), is("t=1234.5"));
    assertThat(
        SliceTime.parse(new SliceTime(12345).folderName()), is(Optional.of(new SliceTime(12345))));
  }

  @Test
  void rejectsOtherNames() {
    for (String name :
        new String[] {"t=52", "t=052.55", "t=-1.0", "x=052.5", "t=052.5 ", "t=abc"}) {
      assertThat(name, SliceTime.parse(name), is(Optional.empty()));
    }
  }

  @Test
  void ordersByTime() {
    assertThat(new SliceTime(99).compareTo(new SliceTime(100)) < 0, is(true));
    assertThat(new SliceTime(99).plus(1), is(new SliceTime(100)));
  }
}
