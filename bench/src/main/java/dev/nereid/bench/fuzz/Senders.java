package dev.nereid.bench.fuzz;

import java.util.Random;

/** Sends any case the way its kind is sent, and judges what came back. */
public final class Senders implements AutoCloseable {
    static final int MUTATED_WS_TIMEOUT_MILLIS = 4_000;
    private final HttpSender http;
    private final WsSender ws;
    private final GremlinDriver driver;

    public Senders(String host, int port, int timeoutMillis, RequestSigner signer) {
        this.http = new HttpSender(host, port, java.time.Duration.ofMillis(timeoutMillis));
        this.ws = new WsSender(host, port, http.raw(), timeoutMillis, MUTATED_WS_TIMEOUT_MILLIS);
        this.driver = new GremlinDriver(host, port, timeoutMillis, signer.handshake());
    }

    public HttpSender http() {
        return http;
    }

    public GremlinDriver driver() {
        return driver;
    }

    public Verdict send(FuzzCase c, Random random) throws InterruptedException {
        if (c instanceof HttpCall call) {
            return HttpJudge.judge(call, http.send(call));
        } else if (c instanceof RawBytes raw) {
            return HttpJudge.judge(raw, http.raw().exchange(raw.bytes(), false));
        } else if (c instanceof WsCase w) {
            return ws.send(w, random);
        }
        return driver.send((DriverCase) c);
    }

    @Override
    public void close() {
        driver.close();
    }
}
