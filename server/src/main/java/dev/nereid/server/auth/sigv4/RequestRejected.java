package dev.nereid.server.auth.sigv4;

/**
 * A request failing one of the checks, thrown from deep in the parsing and caught once, in
 * {@link SigV4Verifier#verify}. It carries no stack trace: rejecting is an ordinary outcome, and a flood of
 * forged requests should cost no more than the checks themselves.
 */
final class RequestRejected extends Exception {
    RequestRejected(String reason) {
        super(reason, null, false, false);
    }
}
