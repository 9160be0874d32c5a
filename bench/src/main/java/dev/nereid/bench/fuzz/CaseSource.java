package dev.nereid.bench.fuzz;

import java.util.Random;

/**
 * The mix of cases, from one seeded generator: valid corpus requests, the same requests signed then
 * mutated, malformed HTTP, WebSocket messages valid and broken, and requests through the Gremlin driver.
 * The percentages are of cases, chosen so that every kind is well represented in a few thousand.
 */
public final class CaseSource {
    private final Random random;
    private final Corpus corpus;
    private final RequestSigner signer;
    private final MalformedHttp malformed;
    private final GremlinMessages websocket;
    private final IdPool ids;

    public CaseSource(Random random, Corpus corpus, RequestSigner signer, MalformedHttp malformed,
                      GremlinMessages websocket, IdPool ids) {
        this.random = random;
        this.corpus = corpus;
        this.signer = signer;
        this.malformed = malformed;
        this.websocket = websocket;
        this.ids = ids;
    }

    public Random random() {
        return random;
    }

    public FuzzCase next() {
        int p = random.nextInt(100);
        if (p < 28) {
            return signer.sign(corpus.next(random));
        } else if (p < 62) {
            return HttpMutator.mutate(signer.sign(corpus.next(random)), random);
        } else if (p < 73) {
            return malformed.next(random, signer.sign(corpus.next(random)));
        } else if (p < 79) {
            return websocket.valid(random);
        } else if (p < 93) {
            return websocket.mutated(random);
        }
        if (random.nextBoolean()) {
            GremlinCorpus.Script s = GremlinCorpus.any(random, ids);
            return new DriverCase(s.text(), -1, s.writes());
        }
        int bytecode = random.nextInt(GremlinDriver.BYTECODES);
        return new DriverCase(null, bytecode, bytecode == GremlinDriver.BYTECODES - 1);
    }
}
