package dev.nereid.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.tinkerpop.gremlin.driver.Client;
import org.apache.tinkerpop.gremlin.driver.Cluster;
import org.apache.tinkerpop.gremlin.driver.Result;
import org.apache.tinkerpop.gremlin.process.traversal.Bytecode;
import org.apache.tinkerpop.gremlin.util.Tokens;
import org.apache.tinkerpop.gremlin.util.message.RequestMessage;
import org.apache.tinkerpop.gremlin.util.message.ResponseMessage;
import org.apache.tinkerpop.gremlin.util.message.ResponseStatusCode;
import org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1;
import org.apache.tinkerpop.gremlin.util.ser.GraphSONMessageSerializerV3;
import org.apache.tinkerpop.gremlin.util.ser.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gremlin over WebSocket against clients that break it, sent as raw frames over a socket: messages the
 * server cannot decode, requests split into fragments, wrong arguments, lengths that claim gigabytes, a
 * client that shuts its side, and upgrades that are not proper handshakes. Every request gets exactly one
 * answer in Neptune's format, and the connection (or, where it must close, the server) goes on serving.
 *
 * <p>Over 500 lines on purpose: one server and one raw-frame client serve every case, and each case is a short
 * test that reads best beside the others of its kind; split, the helpers would be copied or made public.
 */
class GremlinWebSocketHostileIT {
    static final GraphBinaryMessageSerializerV1 BINARY = new GraphBinaryMessageSerializerV1();
    static final GraphSONMessageSerializerV3 GRAPHSON = new GraphSONMessageSerializerV3();
    static final String UNDECODABLE = "Message could not be parsed. Check the format of the request.";
    /**
     * Far more than these frames make the server allocate, far less than the lengths they declare would.
     * Failsafe's JVM runs with the default heap (no -Xmx in the poms): a quarter of the machine's memory,
     * 6 GiB on 24 GiB, on which a 1 GiB allocation succeeds; so the test measures what was allocated
     * instead of waiting for an OutOfMemoryError that a big enough heap never throws.
     */
    static final long ALLOCATION_LIMIT = 64L << 20;

    @TempDir
    Path dir;
    TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Stream<Arguments> undecodable() {
        UUID id = UUID.fromString("5c1c3bd3-70b4-4d0e-9d4b-0c2d0d5e7a11");
        ByteArrayOutputStream garbageAfterId = new ByteArrayOutputStream();
        garbageAfterId.writeBytes(mime("application/vnd.graphbinary-v1.0"));
        garbageAfterId.write(0x81);
        garbageAfterId.writeBytes(uuid(id));
        garbageAfterId.writeBytes(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2, 3});
        String noOp = "{\"requestId\":\"" + id + "\",\"processor\":\"\",\"args\":{\"gremlin\":\"g.V()\"}}";
        return Stream.of(
                Arguments.of("GraphBinary whose op is garbage, after its request id", Frame.binary(garbageAfterId.toByteArray()), id),
                Arguments.of("a mime-type prefix longer than the frame", Frame.binary(new byte[] {0x40, 'a', 'b'}), null),
                Arguments.of("no mime-type prefix", Frame.binary(new byte[] {0}), null),
                Arguments.of("a mime type no serializer reads, over GraphSON",
                        Frame.binary(concat(mime("application/x-nonsense"), utf8(noOp))), null),
                Arguments.of("GraphSON without an op", Frame.text(utf8(noOp)), null),
                Arguments.of("GraphSON cut short", Frame.text(utf8(noOp.substring(0, 20))), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("undecodable")
    void anUndecodableMessageIsABadRequestAndTheConnectionGoesOn(String what, Frame frame, UUID id) throws Exception {
        server = TestServer.start(dir);
        try (RawWebSocket ws = RawWebSocket.open(server.server.port())) {
            ws.send(frame);
            NeptuneError error = NeptuneError.of(ws.nextResponse());
            assertThat(error).isEqualTo(new NeptuneError(499, error.requestId(), "BadRequestException", UNDECODABLE));
            if (id != null) {
                assertThat(error.requestId()).as("the id the message began with").isEqualTo(id.toString());
            }
            assertAnswersInject(ws);
        }
    }

    @Test
    void aRequestSplitOverFragmentsIsAnsweredWhole() throws Exception {
        server = TestServer.start(dir);
        try (RawWebSocket ws = RawWebSocket.open(server.server.port())) {
            UUID id = UUID.randomUUID();
            byte[] binary = binary(eval("g.inject(1, 2, 3)", id));
            ws.send(new Frame(false, Frame.BINARY, Arrays.copyOfRange(binary, 0, 10)));
            ws.send(new Frame(true, Frame.PING, new byte[] {7}));
            ws.send(new Frame(false, Frame.CONTINUATION, Arrays.copyOfRange(binary, 10, 40)));
            ws.send(new Frame(true, Frame.CONTINUATION, Arrays.copyOfRange(binary, 40, binary.length)));
            assertThat(ws.next()).as("the ping between fragments").isEqualTo(new Frame(true, Frame.PONG, new byte[] {7}));
            ResponseMessage answer = ws.nextResponse();
            assertThat(answer.getRequestId()).isEqualTo(id);
            assertThat(answer.getStatus().getCode()).isEqualTo(ResponseStatusCode.SUCCESS);
            assertThat(answer.getResult().getData()).isEqualTo(List.of(1, 2, 3));

            UUID textId = UUID.randomUUID();
            byte[] text = utf8(GRAPHSON.serializeRequestAsString(eval("g.inject(4)", textId), UnpooledByteBufAllocator.DEFAULT));
            ws.send(new Frame(false, Frame.TEXT, Arrays.copyOfRange(text, 0, 17)));
            ws.send(new Frame(true, Frame.CONTINUATION, Arrays.copyOfRange(text, 17, text.length)));
            ResponseMessage textAnswer = ws.nextResponse();
            assertThat(textAnswer.getRequestId()).isEqualTo(textId);
            assertThat(textAnswer.getResult().getData()).isEqualTo(List.of(4));
        }
    }

    @Test
    void aMessageBeyondTheLargestRequestClosesTheConnectionWithMessageTooBig() throws Exception {
        server = TestServer.start(dir, c -> c.withSecurity(c.security().withMaxBodyBytes(1000)));
        try (RawWebSocket ws = RawWebSocket.open(server.server.port())) {
            ws.send(new Frame(false, Frame.BINARY, new byte[600]));
            ws.send(new Frame(true, Frame.CONTINUATION, new byte[600]));
            assertThat(ws.next()).isEqualTo(Frame.close(1009, "Request size exceeds max allowed value of 1000 bytes."));
            assertThat(ws.next()).as("then the connection ends").isNull();
        }
        try (RawWebSocket ws = RawWebSocket.open(server.server.port())) {
            ws.send(Frame.binary(new byte[1200]));
            assertThat(ws.next()).as("one frame beyond it").isEqualTo(
                    Frame.close(1009, "Request size exceeds max allowed value of 1000 bytes."));
            assertThat(ws.next()).isNull();
        }
    }

    static Stream<Arguments> wrongArguments() {
        return Stream.of(
                Arguments.of("an unknown language", Map.of(Tokens.ARGS_GREMLIN, "g.inject(1)", Tokens.ARGS_LANGUAGE, "nonsense"),
                        "Parameter 'language' must be one of gremlin-lang, gremlin-groovy"),
                Arguments.of("a gremlin argument that is not a string", Map.of(Tokens.ARGS_GREMLIN, 42),
                        "Parameter 'gremlin' must be a string"),
                Arguments.of("bindings that are not a map", Map.of(Tokens.ARGS_GREMLIN, "g.inject(1)", Tokens.ARGS_BINDINGS, "x"),
                        "Parameter 'bindings' must be a map"),
                Arguments.of("a timeout that is not a number", Map.of(Tokens.ARGS_GREMLIN, "g.inject(1)",
                        Tokens.ARGS_EVAL_TIMEOUT, "soon"), "Parameter 'evaluationTimeout' must be a number"),
                Arguments.of("a batch size of zero", Map.of(Tokens.ARGS_GREMLIN, "g.inject(1)", Tokens.ARGS_BATCH_SIZE, 0),
                        "Parameter 'batchSize' must be a positive integer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongArguments")
    void aWrongArgumentIsAnInvalidParameter(String what, Map<String, Object> args, String message) throws Exception {
        server = TestServer.start(dir);
        try (RawWebSocket ws = RawWebSocket.open(server.server.port())) {
            UUID id = UUID.randomUUID();
            RequestMessage.Builder request = RequestMessage.build(Tokens.OPS_EVAL).overrideRequestId(id);
            args.forEach(request::addArg);
            ws.send(Frame.binary(binary(request.create())));
            assertThat(NeptuneError.of(ws.nextResponse()))
                    .isEqualTo(new NeptuneError(499, id.toString(), "InvalidParameterException", message));
            assertAnswersInject(ws);
        }
    }

    @Test
    void bytecodeThatCannotBecomeATraversalIsAMalformedQuery() throws Exception {
        server = TestServer.start(dir);
        try (RawWebSocket ws = RawWebSocket.open(server.server.port())) {
            Bytecode range = new Bytecode();
            range.addStep("V");
            range.addStep("range", 5L, 2L);
            UUID id = UUID.randomUUID();
            ws.send(Frame.binary(binary(RequestMessage.build(Tokens.OPS_BYTECODE).processor("traversal").overrideRequestId(id)
                    .addArg(Tokens.ARGS_GREMLIN, range).addArg(Tokens.ARGS_ALIASES, Map.of("g", "g")).create())));
            assertThat(NeptuneError.of(ws.nextResponse()))
                    .isEqualTo(new NeptuneError(499, id.toString(), "MalformedQueryException", "Not a legal range: [5, 2]"));
            assertAnswersInject(ws);
        }
    }

    @Test
    void aClientThatShutsItsSideGetsItsAnswersThenTheConnectionCloses() throws Exception {
        server = TestServer.start(dir);
        try (RawWebSocket ws = RawWebSocket.open(server.server.port())) {
            assertAnswersInject(ws);
            UUID id = UUID.randomUUID();
            ws.send(Frame.binary(binary(eval("g.addV('person').property(id,'h1')", id))));
            ws.shutdownOutput();
            ResponseMessage answer = ws.nextResponse();
            assertThat(answer.getRequestId()).isEqualTo(id);
            assertThat(answer.getStatus().getCode()).isEqualTo(ResponseStatusCode.SUCCESS);
            assertThat(ws.next()).isEqualTo(Frame.close(1000, "Client shut its output"));
            assertThat(ws.next()).as("then the connection ends").isNull();
            assertThat(server.pgCommit(1)).containsExactly("1 ADD vl h1 label person *");
        }
        try (RawWebSocket idle = RawWebSocket.open(server.server.port())) {
            idle.shutdownOutput();
            assertThat(idle.next()).isEqualTo(Frame.close(1000, "Client shut its output"));
            assertThat(idle.next()).isNull();
        }
    }

    @Test
    void aClientAskingForALongerTimeoutGetsTheServersAndThenTheCloseItAskedFor() throws Exception {
        server = TestServer.start(dir, c -> c.withQueryTimeout(Duration.ofMillis(300)));
        try (RawWebSocket ws = RawWebSocket.open(server.server.port())) {
            UUID clique = UUID.randomUUID();
            ws.send(Frame.binary(binary(eval(GremlinHttpIT.CLIQUE, clique))));
            assertThat(ws.nextResponse().getStatus().getCode()).isEqualTo(ResponseStatusCode.SUCCESS);
            // The client asks for a minute and shuts its side; it gets the server's 300 ms, then the close.
            UUID slowId = UUID.randomUUID();
            RequestMessage slow = RequestMessage.from(eval(GremlinHttpIT.SLOW, slowId))
                    .addArg(Tokens.ARGS_EVAL_TIMEOUT, 60_000L).create();
            long sent = System.nanoTime();
            ws.send(Frame.binary(binary(slow)));
            ws.shutdownOutput();
            ResponseMessage answer = ws.nextResponse();
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(5));
            assertThat(NeptuneError.of(answer)).isEqualTo(new NeptuneError(ResponseStatusCode.SERVER_ERROR.getValue(),
                    slowId.toString(), "TimeLimitExceededException", "Operation terminated (deadline exceeded)"));
            assertThat(ws.next()).isEqualTo(Frame.close(1000, "Client shut its output"));
            assertThat(ws.next()).isNull();
        }
        assertThat(server.lastPgCommit()).as("the clique's commit; the slow query wrote nothing").isEqualTo(1);
    }

    static Stream<Arguments> refusedUpgrades() {
        String key = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==";
        String version = "Sec-WebSocket-Version: 13";
        return Stream.of(
                Arguments.of(List.of("Connection: keep-alive", key, version),
                        "WebSocket upgrade requires a Connection header naming Upgrade"),
                Arguments.of(List.of("Connection: Upgrade", version),
                        "WebSocket upgrade requires one Sec-WebSocket-Key of 16 base64-encoded bytes"),
                Arguments.of(List.of("Connection: Upgrade", "Sec-WebSocket-Key: short", version),
                        "WebSocket upgrade requires one Sec-WebSocket-Key of 16 base64-encoded bytes"),
                Arguments.of(List.of("Connection: Upgrade", key, "Sec-WebSocket-Version: 12"),
                        "Unsupported Sec-WebSocket-Version: 12 (supported: 13)"),
                Arguments.of(List.of("Connection: Upgrade", key),
                        "WebSocket upgrade requires Sec-WebSocket-Version: 13"));
    }

    @ParameterizedTest
    @MethodSource("refusedUpgrades")
    void aBrokenUpgradeIsRefusedInNeptunesFormatAndTheConnectionCloses(List<String> headers, String message) throws Exception {
        server = TestServer.start(dir);
        HttpReply reply = RawWebSocket.upgrade(server.server.port(), headers);
        assertThat(reply.status()).isEqualTo(400);
        JsonNode body = TestServer.JSON.readTree(reply.body());
        String requestId = reply.headers().get("x-amzn-requestid");
        assertThat(requestId).matches("[0-9a-f-]{36}");
        assertThat(body).isEqualTo(TestServer.JSON.readTree("{\"requestId\":\"" + requestId
                + "\",\"code\":\"BadRequestException\",\"detailedMessage\":\"" + message + "\"}"));
        assertThat(reply.headers()).containsEntry("x-amzn-errortype", "BadRequestException")
                .containsEntry("sec-websocket-version", "13").containsEntry("connection", "close");
        assertThat(reply.closed()).as("the server closed the connection").isTrue();
    }

    /**
     * Frames whose GraphBinary lengths claim a gigabyte: a list, a string, the map of the request's
     * arguments, and a thousand nested lists that each claim what is left of the message (each claim fits,
     * together they claim a thousand times the message). Each was once a gigabyte allocated on the event
     * loop; a batch size did the same on a worker.
     */
    static Stream<Arguments> hostileLengths() {
        return Stream.of(
                Arguments.of("a list of 2^28 elements", (Hostile) id -> relength(binary(request(id, Map.of("x", List.of(7, 8, 9)))),
                        new byte[] {0x09, 0, 0, 0, 0, 3}, 2, 0x10000000), UNDECODABLE),
                Arguments.of("a string of 2^30 bytes", (Hostile) id -> relength(binary(request(id, Map.of())),
                        concat(new byte[] {0x03, 0, 0, 0, 0, 11}, utf8("g.inject(1)")), 2, 0x40000000), UNDECODABLE),
                Arguments.of("an argument map of 2^28 entries", (Hostile) id -> relength(binary(request(id, Map.of())),
                        new byte[] {0, 0, 0, 2, 0x03, 0}, 0, 0x10000000), UNDECODABLE),
                Arguments.of("a thousand nested lists, each claiming the rest", (Hostile) GremlinWebSocketHostileIT::nested,
                        UNDECODABLE),
                Arguments.of("a batch size of Integer.MAX_VALUE", (Hostile) id -> binary(request(id,
                        Map.of(Tokens.ARGS_BATCH_SIZE, Integer.MAX_VALUE))), null),
                Arguments.of("a batch size of 300 million", (Hostile) id -> binary(request(id,
                        Map.of(Tokens.ARGS_BATCH_SIZE, 300_000_000))), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileLengths")
    void aLengthThatClaimsGigabytesAllocatesNothingOfItAndTheServerStaysHealthy(String what, Hostile frame, String error)
            throws Exception {
        server = TestServer.start(dir);
        UUID id = UUID.randomUUID();
        byte[] payload = frame.payload(id);
        try (RawWebSocket ws = RawWebSocket.open(server.server.port())) {
            long before = allocatedBytes();
            ws.send(Frame.binary(payload));
            ResponseMessage answer = ws.nextResponse();
            long allocated = allocatedBytes() - before;
            assertThat(allocated).as("bytes allocated for a %d-byte frame", payload.length).isLessThan(ALLOCATION_LIMIT);
            if (error != null) {
                assertThat(NeptuneError.of(answer)).isEqualTo(new NeptuneError(499, id.toString(), "BadRequestException", error));
            } else {
                assertThat(answer.getRequestId()).isEqualTo(id);
                assertThat(answer.getStatus().getCode()).isEqualTo(ResponseStatusCode.SUCCESS);
                assertThat(answer.getResult().getData()).isEqualTo(List.of(1));
            }
            assertAnswersInject(ws);
        }
        Cluster cluster = Cluster.build("127.0.0.1").port(server.server.port()).create();
        try {
            Client client = cluster.connect();
            assertThat(client.submit("g.inject(1, 2)").all().get()).extracting(Result::getInt).containsExactly(1, 2);
        } finally {
            cluster.close();
        }
        assertThat(server.get("/status").statusCode()).isEqualTo(200);
    }

    /** A frame of a request, made hostile; given the id to send it under. */
    @FunctionalInterface
    interface Hostile {
        byte[] payload(UUID id) throws Exception;
    }

    /** An eval of {@code g.inject(1)} with more arguments. */
    static RequestMessage request(UUID id, Map<String, Object> args) {
        RequestMessage.Builder b = RequestMessage.build(Tokens.OPS_EVAL).overrideRequestId(id)
                .addArg(Tokens.ARGS_GREMLIN, "g.inject(1)").addArg(Tokens.ARGS_LANGUAGE, "gremlin-lang");
        args.forEach(b::addArg);
        return b.create();
    }

    /** The message with the 4-byte length {@code at} bytes into the first occurrence of {@code marker} replaced. */
    static byte[] relength(byte[] message, byte[] marker, int at, int length) {
        int i = indexOf(message, marker, 0);
        assertThat(i).as("marker in the message").isNotNegative();
        byte[] copy = message.clone();
        putInt(copy, i + at, length);
        return copy;
    }

    /** A list nested a thousand deep around a 1 MiB string; each list claims half the bytes after its length. */
    static byte[] nested(UUID id) throws SerializationException {
        Object value = "a".repeat(1 << 20);
        int depth = 1000;
        for (int i = 0; i < depth; i++) {
            value = List.of(value);
        }
        byte[] message = binary(request(id, Map.of("x", value)));
        byte[] header = {0x09, 0, 0, 0, 0, 1};
        int at = indexOf(message, header, 0);
        for (int i = 0; i < depth; i++, at += header.length) {
            assertThat(Arrays.copyOfRange(message, at, at + header.length)).isEqualTo(header);
            int left = message.length - (at + header.length);
            putInt(message, at + 2, left / 2);
        }
        return message;
    }

    private static void assertAnswersInject(RawWebSocket ws) throws Exception {
        UUID id = UUID.randomUUID();
        ws.send(Frame.binary(binary(eval("g.inject(1)", id))));
        ResponseMessage answer = ws.nextResponse();
        assertThat(answer.getRequestId()).isEqualTo(id);
        assertThat(answer.getStatus().getCode()).isEqualTo(ResponseStatusCode.SUCCESS);
        assertThat(answer.getResult().getData()).isEqualTo(List.of(1));
    }

    /** Bytes allocated so far by every live thread of this JVM, the server's event loops and workers among them. */
    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter(b -> b > 0).sum();
    }

    static RequestMessage eval(String script, UUID id) {
        return RequestMessage.build(Tokens.OPS_EVAL).overrideRequestId(id).addArg(Tokens.ARGS_GREMLIN, script)
                .addArg(Tokens.ARGS_LANGUAGE, "gremlin-lang").create();
    }

    static byte[] binary(RequestMessage m) throws SerializationException {
        ByteBuf buf = BINARY.serializeRequestAsBinary(m, UnpooledByteBufAllocator.DEFAULT);
        try {
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    static byte[] mime(String type) {
        byte[] name = utf8(type);
        return concat(new byte[] {(byte) name.length}, name);
    }

    static byte[] uuid(UUID id) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (id.getMostSignificantBits() >>> (56 - 8 * i));
            b[8 + i] = (byte) (id.getLeastSignificantBits() >>> (56 - 8 * i));
        }
        return b;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    /** What Neptune puts in the status of a failed response, and its id, which the body repeats. */
    record NeptuneError(int status, String requestId, String code, String detailedMessage) {
        static NeptuneError of(ResponseMessage response) throws IOException {
            assertThat(response.getStatus().getAttributes()).as("no class names or stack traces leave the server")
                    .doesNotContainKeys(Tokens.STATUS_ATTRIBUTE_EXCEPTIONS, Tokens.STATUS_ATTRIBUTE_STACK_TRACE);
            JsonNode body = TestServer.JSON.readTree(response.getStatus().getMessage());
            assertThat(body.fieldNames()).toIterable().containsExactly("requestId", "code", "detailedMessage");
            assertThat(body.get("requestId").asText()).isEqualTo(String.valueOf(response.getRequestId()));
            return new NeptuneError(response.getStatus().getCode().getValue(), body.get("requestId").asText(),
                    body.get("code").asText(), body.get("detailedMessage").asText());
        }
    }

    /** A WebSocket frame as sent or received (unmasked payload). */
    record Frame(boolean fin, int opcode, byte[] payload) {
        static final int CONTINUATION = 0;
        static final int TEXT = 1;
        static final int BINARY = 2;
        static final int CLOSE = 8;
        static final int PING = 9;
        static final int PONG = 10;

        static Frame binary(byte[] payload) {
            return new Frame(true, BINARY, payload);
        }

        static Frame text(byte[] payload) {
            return new Frame(true, TEXT, payload);
        }

        static Frame close(int code, String reason) {
            return new Frame(true, CLOSE, concat(new byte[] {(byte) (code >> 8), (byte) code}, utf8(reason)));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Frame f && f.fin == fin && f.opcode == opcode && Arrays.equals(f.payload, payload);
        }

        @Override
        public int hashCode() {
            return 31 * opcode + Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Frame[fin=" + fin + ", opcode=" + opcode + ", payload=" + new String(payload, StandardCharsets.ISO_8859_1) + "]";
        }
    }

    /** An HTTP response read to the end of the connection. */
    record HttpReply(int status, Map<String, String> headers, byte[] body, boolean closed) {
    }

    /** A WebSocket client over a plain socket that sends frames exactly as given. */
    static final class RawWebSocket implements AutoCloseable {
        private static final int TIMEOUT_MILLIS = 10_000;
        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;

        private RawWebSocket(Socket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(TIMEOUT_MILLIS);
            this.in = new DataInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        static RawWebSocket open(int port) throws IOException {
            RawWebSocket ws = new RawWebSocket(new Socket("127.0.0.1", port));
            ws.out.write(request(List.of("Connection: Upgrade", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
                    "Sec-WebSocket-Version: 13")));
            String head = readHead(ws.in);
            assertThat(head).startsWith("HTTP/1.1 101 ");
            return ws;
        }

        /** Sends an upgrade request with these headers besides Host and Upgrade, and reads what comes back to the end. */
        static HttpReply upgrade(int port, List<String> headers) throws IOException {
            try (RawWebSocket ws = new RawWebSocket(new Socket("127.0.0.1", port))) {
                ws.out.write(request(headers));
                String[] lines = readHead(ws.in).split("\r\n");
                Map<String, String> named = new LinkedHashMap<>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    named.put(lines[i].substring(0, colon).strip().toLowerCase(), lines[i].substring(colon + 1).strip());
                }
                byte[] body = new byte[Integer.parseInt(named.getOrDefault("content-length", "0"))];
                ws.in.readFully(body);
                return new HttpReply(Integer.parseInt(lines[0].split(" ")[1]), named, body, ws.in.read() < 0);
            }
        }

        private static byte[] request(List<String> headers) {
            StringBuilder r = new StringBuilder("GET /gremlin HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n");
            headers.forEach(h -> r.append(h).append("\r\n"));
            return r.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("connection ended in the response head: " + head);
                }
                head.write(b);
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
            }
            return head.toString(StandardCharsets.ISO_8859_1).strip();
        }

        /** Sends a frame, masked as a client must. */
        void send(Frame f) throws IOException {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write((f.fin() ? 0x80 : 0) | f.opcode());
            int length = f.payload().length;
            if (length < 126) {
                frame.write(0x80 | length);
            } else if (length < 65_536) {
                frame.write(0x80 | 126);
                frame.write(length >> 8);
                frame.write(length);
            } else {
                frame.write(0x80 | 127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    frame.write((int) ((long) length >>> shift));
                }
            }
            byte[] mask = {0x1f, 0x2e, 0x3d, 0x4c};
            frame.writeBytes(mask);
            for (int i = 0; i < length; i++) {
                frame.write(f.payload()[i] ^ mask[i & 3]);
            }
            out.write(frame.toByteArray());
            out.flush();
        }

        /** The next frame from the server, or null when the connection ends. */
        Frame next() throws IOException {
            int b0 = in.read();
            if (b0 < 0) {
                return null;
            }
            int b1 = in.readUnsignedByte();
            long length = b1 & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            assertThat(b1 & 0x80).as("the server does not mask").isZero();
            byte[] payload = new byte[Math.toIntExact(length)];
            in.readFully(payload);
            return new Frame((b0 & 0x80) != 0, b0 & 0x0f, payload);
        }

        /** The next response message, its continuation frames joined; pongs are skipped. */
        ResponseMessage nextResponse() throws IOException, SerializationException {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            int opcode = -1;
            while (true) {
                Frame f = next();
                assertThat(f).as("a response before the connection ends").isNotNull();
                assertThat(f.opcode()).as("a data frame, not %s", f).isIn(Frame.CONTINUATION, Frame.TEXT, Frame.BINARY,
                        Frame.PONG);
                if (f.opcode() == Frame.PONG) {
                    continue;
                }
                opcode = opcode < 0 ? f.opcode() : opcode;
                message.writeBytes(f.payload());
                if (f.fin()) {
                    break;
                }
            }
            return opcode == Frame.BINARY ? BINARY.deserializeResponse(Unpooled.wrappedBuffer(message.toByteArray()))
                    : GRAPHSON.deserializeResponse(message.toString(StandardCharsets.UTF_8));
        }

        void shutdownOutput() throws IOException {
            socket.shutdownOutput();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
