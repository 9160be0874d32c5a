package dev.nereid.server.gremlin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import java.util.Map;
import java.util.UUID;
import org.apache.tinkerpop.gremlin.process.traversal.Bytecode;
import org.apache.tinkerpop.gremlin.util.Tokens;
import org.apache.tinkerpop.gremlin.util.message.RequestMessage;
import org.junit.jupiter.api.Test;

class RequestArgumentsTest {
    static final UUID ID = UUID.fromString("0dbcded3-a9a1-4a25-b419-828c46342e47");
    static final long TIMEOUT = 120_000;

    @Test
    void aWellFormedRequestPassesAsItIs() {
        RequestMessage request = eval(Map.of(Tokens.ARGS_GREMLIN, "g.V()", Tokens.ARGS_LANGUAGE, "gremlin-lang",
                Tokens.ARGS_BINDINGS, Map.of("x", 1), Tokens.ARGS_ALIASES, Map.of("g", "g"), Tokens.ARGS_BATCH_SIZE, 64,
                Tokens.ARGS_EVAL_TIMEOUT, 1000L, Tokens.ARGS_SESSION, "s", Tokens.ARGS_MANAGE_TRANSACTION, true));
        assertThat(RequestArguments.checked(request, TIMEOUT)).isSameAs(request);
    }

    @Test
    void aBatchSizeAboveTheMaximumIsLoweredToIt() {
        RequestMessage huge = eval(Map.of(Tokens.ARGS_GREMLIN, "g.V()", Tokens.ARGS_BATCH_SIZE, Integer.MAX_VALUE));
        RequestMessage checked = RequestArguments.checked(huge, TIMEOUT);
        assertThat(checked.getRequestId()).isEqualTo(ID);
        assertThat(checked.getArgs()).isEqualTo(Map.of(Tokens.ARGS_GREMLIN, "g.V()", Tokens.ARGS_BATCH_SIZE, 65_536));
        assertThat(RequestArguments.checked(eval(Map.of(Tokens.ARGS_GREMLIN, "g.V()", Tokens.ARGS_BATCH_SIZE, 10L)), TIMEOUT)
                .getArgs()).as("a long, which Gremlin Server would fail to read as an Integer")
                .containsEntry(Tokens.ARGS_BATCH_SIZE, 10);
    }

    @Test
    void anEvaluationTimeoutMayShortenTheServersButNotLengthenOrDisableIt() {
        assertThat(timeoutOf(1L)).isEqualTo(1L);
        assertThat(timeoutOf(120_000L)).isEqualTo(120_000L);
        assertThat(timeoutOf(500)).as("an Integer is kept as it came").isEqualTo(500);
        assertThat(timeoutOf(0L)).as("0 means no timeout to Gremlin Server").isEqualTo(120_000L);
        assertThat(timeoutOf(-1L)).isEqualTo(120_000L);
        assertThat(timeoutOf(120_001L)).isEqualTo(120_000L);
        assertThat(timeoutOf(Long.MAX_VALUE)).isEqualTo(120_000L);
        assertThat(timeoutOf(Double.NaN)).isEqualTo(120_000L);
        RequestMessage both = RequestArguments.checked(eval(Map.of(Tokens.ARGS_GREMLIN, "g.V()",
                Tokens.ARGS_EVAL_TIMEOUT, 0L, Tokens.ARGS_BATCH_SIZE, Integer.MAX_VALUE)), TIMEOUT);
        assertThat(both.getRequestId()).isEqualTo(ID);
        assertThat(both.getArgs()).isEqualTo(Map.of(Tokens.ARGS_GREMLIN, "g.V()", Tokens.ARGS_EVAL_TIMEOUT, 120_000L,
                Tokens.ARGS_BATCH_SIZE, 65_536));
    }

    private static Object timeoutOf(Number asked) {
        return RequestArguments.checked(eval(Map.of(Tokens.ARGS_GREMLIN, "g.V()", Tokens.ARGS_EVAL_TIMEOUT, asked)), TIMEOUT)
                .getArgs().get(Tokens.ARGS_EVAL_TIMEOUT);
    }

    @Test
    void wrongArgumentsAreInvalidParameters() {
        assertThat(refusal(eval(Map.of(Tokens.ARGS_GREMLIN, 5)))).isEqualTo("Parameter 'gremlin' must be a string");
        assertThat(refusal(eval(Map.of(Tokens.ARGS_GREMLIN, "g.V()", Tokens.ARGS_LANGUAGE, "nonsense"))))
                .isEqualTo("Parameter 'language' must be one of gremlin-lang, gremlin-groovy");
        assertThat(refusal(eval(Map.of(Tokens.ARGS_GREMLIN, "g.V()", Tokens.ARGS_LANGUAGE, 3))))
                .isEqualTo("Parameter 'language' must be one of gremlin-lang, gremlin-groovy");
        assertThat(refusal(eval(Map.of(Tokens.ARGS_GREMLIN, "g.V()", Tokens.ARGS_BATCH_SIZE, 0))))
                .isEqualTo("Parameter 'batchSize' must be a positive integer");
        assertThat(refusal(eval(Map.of(Tokens.ARGS_GREMLIN, "g.V()", Tokens.ARGS_BATCH_SIZE, 2.5))))
                .isEqualTo("Parameter 'batchSize' must be a positive integer");
        assertThat(refusal(eval(Map.of(Tokens.ARGS_GREMLIN, "g.V()", Tokens.ARGS_BINDINGS, "x=1"))))
                .isEqualTo("Parameter 'bindings' must be a map");
        assertThat(refusal(eval(Map.of(Tokens.ARGS_GREMLIN, "g.V()", Tokens.ARGS_ALIASES, Map.of("g", 1)))))
                .isEqualTo("Parameter 'aliases' must be a map of strings to strings");
        assertThat(refusal(eval(Map.of(Tokens.ARGS_GREMLIN, "g.V()", Tokens.ARGS_EVAL_TIMEOUT, "1s"))))
                .isEqualTo("Parameter 'evaluationTimeout' must be a number");
        assertThat(refusal(eval(Map.of(Tokens.ARGS_GREMLIN, "g.V()", Tokens.ARGS_SESSION, 7))))
                .isEqualTo("Parameter 'session' must be a string");
        assertThat(refusal(eval(Map.of(Tokens.ARGS_GREMLIN, "g.V()", Tokens.ARGS_MANAGE_TRANSACTION, "yes"))))
                .isEqualTo("Parameter 'manageTransaction' must be a boolean");
        assertThat(refusal(RequestMessage.build(Tokens.OPS_BYTECODE).processor("traversal").overrideRequestId(ID)
                .addArg(Tokens.ARGS_GREMLIN, "g.V()").create())).isEqualTo("Parameter 'gremlin' must be bytecode");
        assertThat(RequestArguments.checked(RequestMessage.build(Tokens.OPS_BYTECODE).processor("traversal")
                .addArg(Tokens.ARGS_GREMLIN, new Bytecode()).create(), TIMEOUT)).isNotNull();
    }

    private static RequestMessage eval(Map<String, Object> args) {
        RequestMessage.Builder b = RequestMessage.build(Tokens.OPS_EVAL).overrideRequestId(ID);
        args.forEach(b::addArg);
        return b.create();
    }

    private static String refusal(RequestMessage request) {
        NereidException e = catchThrowableOfType(() -> RequestArguments.checked(request, TIMEOUT), NereidException.class);
        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        return e.detailedMessage();
    }
}
