package dev.nereid.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.nereid.stream.EventId;
import dev.nereid.stream.Op;
import dev.nereid.stream.StreamFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a page body (spec §2.1) in one pass, keeping each record's bytes as they came. Field order is
 * not relied on and unknown fields are skipped, as the spec asks of clients; event-id numbers are
 * also accepted as numeric strings, the form the Java SDK v2 hands on.
 */
public final class PageParser {
    /** A stored string value may be far longer than Jackson's default safety limit. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();

    private PageParser() {
    }

    /** Parses {@code body}, which the page then shares: the caller must not change it. */
    public static StreamPage parse(byte[] body) throws MalformedPageException {
        return parse(body, 0, body.length);
    }

    public static StreamPage parse(byte[] body, int offset, int length) throws MalformedPageException {
        try (JsonParser p = JSON.createParser(body, offset, length)) {
            // Jackson counts byte offsets from the start of the input it was given.
            Reader r = new Reader(p, body, offset);
            return r.page(length);
        } catch (MalformedPageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MalformedPageException("not a stream page: " + e.getMessage(), e);
        }
    }

    private record Reader(JsonParser p, byte[] body, int base) {

        StreamPage page(int length) throws IOException {
            expect(p.nextToken(), JsonToken.START_OBJECT, "page");
            EventId lastEventId = null;
            Long lastTrxTimestamp = null;
            StreamFormat format = null;
            List<StreamRecord> records = null;
            Long totalRecords = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "lastEventId" -> lastEventId = eventId(value);
                    case "lastTrxTimestamp" -> lastTrxTimestamp = number(value, name);
                    case "format" -> format = format(value);
                    case "records" -> records = records(value);
                    case "totalRecords" -> totalRecords = number(value, name);
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new MalformedPageException("not a stream page: content after the page object");
            }
            if (lastEventId == null || lastTrxTimestamp == null || format == null || records == null
                    || totalRecords == null) {
                throw new MalformedPageException("not a stream page: lastEventId, lastTrxTimestamp, format, records "
                        + "and totalRecords are required");
            }
            if (records.isEmpty() || totalRecords != records.size()
                    || !records.get(records.size() - 1).eventId().equals(lastEventId)) {
                throw new MalformedPageException("inconsistent page: totalRecords " + totalRecords + ", "
                        + records.size() + " records, lastEventId " + lastEventId);
            }
            return new StreamPage(lastEventId, lastTrxTimestamp, format, records, length);
        }

        private List<StreamRecord> records(JsonToken token) throws IOException {
            expect(token, JsonToken.START_ARRAY, "records");
            List<StreamRecord> records = new ArrayList<>();
            while (p.nextToken() == JsonToken.START_OBJECT) {
                records.add(record());
            }
            expect(p.currentToken(), JsonToken.END_ARRAY, "records");
            return records;
        }

        private StreamRecord record() throws IOException {
            int start = offset();
            EventId eventId = null;
            Long commitTimestamp = null;
            Op op = null;
            boolean isLastOp = false;
            RawJson data = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "eventId" -> eventId = eventId(value);
                    case "commitTimestamp" -> commitTimestamp = number(value, name);
                    case "op" -> op = op(value);
                    case "isLastOp" -> isLastOp = value == JsonToken.VALUE_TRUE;
                    case "data" -> {
                        expect(value, JsonToken.START_OBJECT, "data");
                        int dataStart = offset();
                        p.skipChildren();
                        data = new RawJson(body, dataStart, offset() + 1 - dataStart);
                    }
                    default -> p.skipChildren();
                }
            }
            int end = offset() + 1;
            if (eventId == null || commitTimestamp == null || op == null || data == null) {
                throw new MalformedPageException("record without eventId, commitTimestamp, op or data at byte "
                        + (start - base));
            }
            return new StreamRecord(eventId, commitTimestamp, op, isLastOp, data, new RawJson(body, start, end - start));
        }

        /** Absolute offset in {@code body} of the current token's first byte. */
        private int offset() {
            return base + (int) p.currentTokenLocation().getByteOffset();
        }

        private EventId eventId(JsonToken token) throws IOException {
            expect(token, JsonToken.START_OBJECT, "eventId");
            Long commitNum = null;
            Long opNum = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "commitNum" -> commitNum = number(value, name);
                    case "opNum" -> opNum = number(value, name);
                    default -> p.skipChildren();
                }
            }
            if (commitNum == null || opNum == null) {
                throw new MalformedPageException("eventId without commitNum or opNum");
            }
            return new EventId(commitNum, opNum);
        }

        private long number(JsonToken token, String name) throws IOException {
            if (token == JsonToken.VALUE_NUMBER_INT) {
                return p.getLongValue();
            }
            if (token == JsonToken.VALUE_STRING) {
                try {
                    return Long.parseLong(p.getText());
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            throw new MalformedPageException("'" + name + "' is not an integer");
        }

        private Op op(JsonToken token) throws IOException {
            expect(token, JsonToken.VALUE_STRING, "op");
            return switch (p.getText()) {
                case "ADD" -> Op.ADD;
                case "REMOVE" -> Op.REMOVE;
                default -> throw new MalformedPageException("unknown op '" + p.getText() + "'");
            };
        }

        private StreamFormat format(JsonToken token) throws IOException {
            expect(token, JsonToken.VALUE_STRING, "format");
            try {
                return StreamFormat.valueOf(p.getText());
            } catch (IllegalArgumentException e) {
                throw new MalformedPageException("unknown format '" + p.getText() + "'");
            }
        }

        private static void expect(JsonToken actual, JsonToken expected, String what) throws MalformedPageException {
            if (actual != expected) {
                throw new MalformedPageException("'" + what + "': expected " + expected + ", found " + actual);
            }
        }
    }
}
