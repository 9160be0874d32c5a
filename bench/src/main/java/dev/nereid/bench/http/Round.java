package dev.nereid.bench.http;

/**
 * One timed pass: a whole-stream read or the same number of pre-rendered fetches.
 *
 * @param largestPage records in the largest page: a full page, where the 10 MiB cap ended it
 * @param bodyBytes   uncompressed body bytes, what the consumer parses
 * @param wireBytes   body bytes as sent, gzipped or not
 */
record Round(int pages, long records, int largestPage, long bodyBytes, long wireBytes, long nanos) {
    private static final double MB = 1_000_000.0;

    double seconds() {
        return nanos / 1e9;
    }

    double recordsPerSecond() {
        return records / seconds();
    }

    double bodyMbPerSecond() {
        return bodyBytes / MB / seconds();
    }

    double wireMbPerSecond() {
        return wireBytes / MB / seconds();
    }

    double recordsPerPage() {
        return (double) records / pages;
    }
}
