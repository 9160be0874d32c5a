package dev.nereid.client;

import dev.nereid.stream.StreamRequest;
import java.io.IOException;

/**
 * Reads one page of a stream: the contract of spec §3, whether over HTTP ({@link StreamClient}) or
 * in-process ({@link ViewStreamSource}). Both answer a request with the same page or the same error.
 */
public interface StreamSource {

    /**
     * @return the page the request asks for, at least one record
     * @throws StreamServiceException the endpoint's error: {@code StreamRecordsNotFoundException} when
     *                                nothing is at or after the start, {@code ExpiredStreamException} when the
     *                                start has expired, and so on (spec §4)
     * @throws IOException            the exchange failed (connection refused or reset, timeout, a body cut short)
     */
    StreamPage read(StreamRequest request) throws IOException;
}
