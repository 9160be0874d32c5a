package dev.nereid.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SegmentIndexTest {

    /** Frames of 1000 bytes from position 8, commit n at timestamp 100 + n / 3. */
    private static SegmentIndex indexOf(int frames) {
        SegmentIndex index = new SegmentIndex();
        for (int n = 1; n <= frames; n++) {
            index.onFrame(n, 8 + (n - 1) * 1000L, 100 + n / 3);
        }
        return index;
    }

    @Test
    void keepsTheFirstFrameAndOneFrameEveryFourKibibytes() {
        SegmentIndex index = indexOf(20);
        assertThat(index.size()).isEqualTo(4);
        assertThat(index.floor(1)).isEqualTo(new SegmentIndex.Entry(1, 8, 100));
        assertThat(index.floor(5)).isEqualTo(new SegmentIndex.Entry(1, 8, 100));
        assertThat(index.floor(6)).isEqualTo(new SegmentIndex.Entry(6, 5008, 102));
        assertThat(index.floor(20)).isEqualTo(new SegmentIndex.Entry(16, 15008, 105));
        assertThat(index.floor(0)).isNull();
    }

    @Test
    void searchesByTimestampWithinTheVisibleCommits() {
        SegmentIndex index = indexOf(20);
        assertThat(index.lastBefore(100, 20)).isNull();
        assertThat(index.lastBefore(101, 20)).isEqualTo(new SegmentIndex.Entry(1, 8, 100));
        assertThat(index.lastBefore(103, 20)).isEqualTo(new SegmentIndex.Entry(6, 5008, 102));
        assertThat(index.lastBefore(Long.MAX_VALUE, 20)).isEqualTo(new SegmentIndex.Entry(16, 15008, 105));
        assertThat(index.lastBefore(Long.MAX_VALUE, 15)).isEqualTo(new SegmentIndex.Entry(11, 10008, 103));
    }

    @Test
    void growsPastItsInitialCapacity() {
        SegmentIndex index = indexOf(200);
        assertThat(index.size()).isEqualTo(40);
        assertThat(index.floor(199)).isEqualTo(new SegmentIndex.Entry(196, 195008, 165));
    }
}
