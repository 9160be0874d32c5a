package dev.nereid.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.nereid.stream.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one place an {@link ErrorCode} becomes an HTTP response or error body (spec §4): status from the code, body
 * {@code {"requestId","code","detailedMessage"}}, headers {@code x-amzn-RequestId} and
 * {@code x-amzn-ErrorType}. Error bodies are never compressed.
 */
public final class ErrorResponses {
    public static final String INTERNAL_FAILURE_MESSAGE = "Internal failure";
    private static final JsonFactory JSON = new JsonFactory();

    private ErrorResponses() {
    }

    public static FullHttpResponse of(ErrorCode code, String detailedMessage, String requestId) {
        ByteBuf body = Unpooled.buffer(128 + detailedMessage.length());
        writeBody(new ByteBufOutputStream(body), code, detailedMessage, requestId);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(code.httpStatus()), body);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, Responses.JSON_UTF8)
                .set(Responses.ERROR_TYPE_HEADER, code.code())
                .set(Responses.REQUEST_ID_HEADER, requestId)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        return response;
    }

    /**
     * The error body alone, for the WebSocket endpoint, where Neptune puts it in the status message of
     * a Gremlin response.
     */
    public static String body(ErrorCode code, String detailedMessage, String requestId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + detailedMessage.length());
        writeBody(out, code, detailedMessage, requestId);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void writeBody(OutputStream out, ErrorCode code, String detailedMessage, String requestId) {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("requestId", requestId);
            g.writeStringField("code", code.code());
            g.writeStringField("detailedMessage", detailedMessage);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
