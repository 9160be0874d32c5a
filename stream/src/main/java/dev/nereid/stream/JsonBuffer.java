package dev.nereid.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array that JSON is written into directly, as compact UTF-8. Page rendering runs
 * through here once per record, so nothing in it allocates except when the array grows.
 */
final class JsonBuffer {
    /** The largest array the JVM reliably hands out. */
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 16;
    private static final byte[] LONG_MIN = ascii(Long.toString(Long.MIN_VALUE));
    private static final byte[] HEX = ascii("0123456789ABCDEF");
    /** For each ASCII char: 0 = written as is, -1 = a six-char hex escape (backslash, u, 4 hex digits), else the letter after the backslash. */
    private static final byte[] ASCII_ESCAPES = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ASCII_ESCAPES[c] = -1;
        }
        ASCII_ESCAPES['"'] = '"';
        ASCII_ESCAPES['\\'] = '\\';
        ASCII_ESCAPES['\b'] = 'b';
        ASCII_ESCAPES['\f'] = 'f';
        ASCII_ESCAPES['\n'] = 'n';
        ASCII_ESCAPES['\r'] = 'r';
        ASCII_ESCAPES['\t'] = 't';
    }

    private byte[] bytes;
    private int size;

    JsonBuffer(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static final long[] POWERS_OF_TEN = powersOfTen();

    private static long[] powersOfTen() {
        long[] p = new long[19];
        p[0] = 1;
        for (int i = 1; i < p.length; i++) {
            p[i] = p[i - 1] * 10;
        }
        return p;
    }

    /** Number of chars {@link #putLong} writes for {@code v}. */
    static int digits(long v) {
        if (v < 0) {
            return v == Long.MIN_VALUE ? LONG_MIN.length : 1 + digits(-v);
        }
        // Estimate from the bit length (log10(2) ~ 1233/4096), then correct by one table look-up.
        int estimate = ((64 - Long.numberOfLeadingZeros(v)) * 1233) >>> 12;
        return v < POWERS_OF_TEN[estimate] ? Math.max(1, estimate) : estimate + 1;
    }

    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** Leaves {@code n} bytes unwritten at the current end, to be filled in later. */
    void skip(int n) {
        ensureRoom(n);
        size += n;
    }

    /** Makes sure at least {@code n} more bytes fit without another copy. */
    void ensureRoom(long n) {
        long needed = size + n;
        if (needed <= bytes.length) {
            return;
        }
        if (needed > MAX_CAPACITY) {
            throw new NereidException(ErrorCode.MEMORY_LIMIT_EXCEEDED,
                    "The response is too large to build in memory");
        }
        int grown = (int) Math.min(MAX_CAPACITY, Math.max(needed, 2L * bytes.length));
        bytes = Arrays.copyOf(bytes, grown);
    }

    void put(byte b) {
        ensureRoom(1);
        bytes[size++] = b;
    }

    /** Appends {@code length} bytes of {@code raw} from {@code from}. */
    void put(byte[] raw, int from, int length) {
        ensureRoom(length);
        System.arraycopy(raw, from, bytes, size, length);
        size += length;
    }

    /** Appends bytes that are already JSON (constants, stored {@code data}). */
    void put(byte[] raw) {
        ensureRoom(raw.length);
        System.arraycopy(raw, 0, bytes, size, raw.length);
        size += raw.length;
    }

    /** Appends {@code length} bytes of {@code src} from absolute index {@code index}; src is not moved. */
    void put(ByteBuffer src, int index, int length) {
        ensureRoom(length);
        src.get(index, bytes, size, length);
        size += length;
    }

    void putLong(long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                put(LONG_MIN);
                return;
            }
            put((byte) '-');
            v = -v;
        }
        int n = digits(v);
        ensureRoom(n);
        int p = size + n;
        size = p;
        while (v >= 10) {
            long q = v / 10;
            bytes[--p] = (byte) ('0' + (int) (v - q * 10));
            v = q;
        }
        bytes[p - 1] = (byte) ('0' + (int) v);
    }

    /**
     * Appends {@code s} as a JSON string. Non-ASCII goes out as raw UTF-8 (spec §2.1); only {@code "},
     * {@code \} and controls are escaped. A lone surrogate cannot be UTF-8, so it is written as a
     * six-char hex escape of the surrogate, which keeps the Java string intact for any JSON reader.
     */
    void putString(String s) {
        int len = s.length();
        ensureRoom(2L + 3L * len);
        byte[] b = bytes;
        int p = size;
        b[p++] = '"';
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                byte esc = ASCII_ESCAPES[c];
                if (esc == 0) {
                    b[p++] = (byte) c;
                } else {
                    size = p;
                    ensureRoom(6L + 3L * (len - i));
                    b = bytes;
                    b[p++] = '\\';
                    if (esc > 0) {
                        b[p++] = esc;
                    } else {
                        p = putUnicodeEscape(b, p, c);
                    }
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (!Character.isSurrogate(c)) {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                size = p;
                ensureRoom(6L + 3L * (len - i));
                b = bytes;
                b[p++] = '\\';
                p = putUnicodeEscape(b, p, c);
            }
        }
        size = p;
        put((byte) '"');
    }

    /** Writes the u and four uppercase hex digits of an escape whose backslash is already written. */
    private static int putUnicodeEscape(byte[] b, int p, char c) {
        b[p++] = 'u';
        b[p++] = HEX[(c >> 12) & 0xF];
        b[p++] = HEX[(c >> 8) & 0xF];
        b[p++] = HEX[(c >> 4) & 0xF];
        b[p++] = HEX[c & 0xF];
        return p;
    }
}
