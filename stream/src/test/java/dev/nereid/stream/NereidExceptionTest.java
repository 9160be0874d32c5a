package dev.nereid.stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NereidExceptionTest {

    /** A library exception without a message must still give the client a Neptune error with one. */
    @Test
    void aMissingMessageBecomesTheCodesName() {
        assertThat(new NereidException(ErrorCode.MALFORMED_QUERY, null).detailedMessage()).isEqualTo("MalformedQueryException");
        assertThat(new NereidException(ErrorCode.BAD_REQUEST, " ").detailedMessage()).isEqualTo("BadRequestException");
        assertThat(new NereidException(ErrorCode.BAD_REQUEST, "Bad thing").detailedMessage()).isEqualTo("Bad thing");
    }
}
