package dev.nereid.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.EventId;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErrorBodiesTest {

    private static StreamServiceException read(int status, String body, String errorType, String requestId) {
        return ErrorBodies.read(status, body.getBytes(StandardCharsets.UTF_8), errorType, requestId);
    }

    @Test
    void aNeptuneBodyGivesItsCodeMessageAndRequestId() {
        StreamServiceException e = read(400, "{\"requestId\":\"r-1\",\"code\":\"ExpiredStreamException\","
                + "\"detailedMessage\":\"All of the requested records exceed the maximum age allowed and have expired.\"}",
                "ExpiredStreamException", "r-1");
        assertThat(e.errorCode()).isEqualTo(ErrorCode.EXPIRED_STREAM);
        assertThat(e.retryable()).isFalse();
        assertThat(e.code()).isEqualTo("ExpiredStreamException");
        assertThat(e.requestId()).isEqualTo("r-1");
        assertThat(e.toString()).isEqualTo("400 ExpiredStreamException: All of the requested records exceed the maximum "
                + "age allowed and have expired. (requestId r-1)");
    }

    @Test
    void throttlingAndServerErrorsAreRetryableAndClientErrorsAreNot() {
        assertThat(read(500, "{\"code\":\"ThrottlingException\",\"detailedMessage\":\"Rate exceeded\"}", null, null)
                .errorCode()).isEqualTo(ErrorCode.THROTTLING);
        assertThat(read(429, "{\"code\":\"TooManyRequestsException\",\"detailedMessage\":\"x\"}", null, null).retryable()).isTrue();
        assertThat(read(500, "{\"code\":\"InternalFailureException\"}", null, null).retryable()).isTrue();
        assertThat(read(400, "{\"code\":\"InvalidParameterException\"}", null, null).retryable()).isFalse();
        // The two codes of one name are told apart by status.
        assertThat(read(405, "{\"code\":\"MethodNotAllowedException\"}", null, null).errorCode())
                .isEqualTo(ErrorCode.METHOD_NOT_ALLOWED);
        assertThat(read(400, "{\"code\":\"MethodNotAllowedException\"}", null, null).errorCode())
                .isEqualTo(ErrorCode.BAD_ROUTE);
    }

    @Test
    void withoutANeptuneBodyTheHeaderThenTheStatusDecide() {
        StreamServiceException header = read(500, "", "ThrottlingException:http://internal.amazon.com/", null);
        assertThat(header.errorCode()).isEqualTo(ErrorCode.THROTTLING);
        assertThat(header.code()).isEqualTo("ThrottlingException");
        StreamServiceException proxy = read(502, "<html>Bad Gateway</html>", null, null);
        assertThat(proxy.errorCode()).isEqualTo(ErrorCode.INTERNAL_FAILURE);
        assertThat(proxy.retryable()).isTrue();
        assertThat(proxy.detailedMessage()).isEqualTo("<html>Bad Gateway</html>");
        StreamServiceException unknown = read(400, "{\"code\":\"SomethingNewException\",\"detailedMessage\":\"m\"}", null, null);
        assertThat(unknown.errorCode()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(unknown.code()).isEqualTo("SomethingNewException");
        assertThat(read(503, "", null, null).retryable()).isTrue();
        assertThat(read(404, "not found", null, null).errorCode()).isEqualTo(ErrorCode.BAD_REQUEST);
    }

    @Test
    void theFromTheFutureMessageNamesTheNewestEvent() {
        assertThat(ErrorBodies.lastValidEventId("Requested startEventId is from the future. Last valid eventId is "
                + "[commitNum = 6, opNum = 6]")).contains(new EventId(6, 6));
        assertThat(ErrorBodies.lastValidEventId("Requested startEventId is from the future")).isEmpty();
        assertThat(ErrorBodies.lastValidEventId(null)).isEmpty();
    }
}
