package dev.nereid.server.status;

import dev.nereid.server.auth.IamAction;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.nereid.server.http.HttpExchange;
import dev.nereid.server.http.Responses;
import dev.nereid.server.http.Route;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code GET /status} in the shape of Neptune's engine status (spec §7). Clients choose code paths
 * by {@code dbEngineVersion}, so it names a Neptune version whose stream behaviour Nereid follows.
 */
public final class StatusRoute implements Route {
    public static final String DB_ENGINE_VERSION = "1.3.2.0";
    /** {@code java.util.Date#toString()}'s form, in UTC, as Neptune prints its start time. */
    private static final DateTimeFormatter START_TIME =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ROOT).withZone(ZoneId.of("UTC"));
    private static final JsonFactory JSON = new JsonFactory();

    private final String startTime;
    private final boolean streamsEnabled;
    private final boolean iamAuthentication;
    private final long queryTimeoutMillis;

    public StatusRoute(Instant startTime, boolean streamsEnabled, boolean iamAuthentication, long queryTimeoutMillis) {
        this.startTime = START_TIME.format(startTime);
        this.streamsEnabled = streamsEnabled;
        this.iamAuthentication = iamAuthentication;
        this.queryTimeoutMillis = queryTimeoutMillis;
    }

    @Override
    public FullHttpResponse handle(HttpExchange exchange) throws IOException {
        exchange.caller().require(IamAction.GET_ENGINE_STATUS);
        exchange.requireMethod(HttpMethod.GET);
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("status", "healthy");
            g.writeStringField("startTime", startTime);
            g.writeStringField("dbEngineVersion", DB_ENGINE_VERSION);
            g.writeStringField("role", "writer");
            g.writeStringField("dfeQueryEngine", "viaQueryHint");
            g.writeObjectFieldStart("gremlin");
            g.writeStringField("version", "tinkerpop-3.7.5");
            g.writeEndObject();
            g.writeObjectFieldStart("sparql");
            g.writeStringField("version", "sparql-1.1");
            g.writeEndObject();
            g.writeObjectFieldStart("opencypher");
            g.writeStringField("version", "Neptune-9.0.20190305-1.0");
            g.writeEndObject();
            g.writeObjectFieldStart("labMode");
            g.writeEndObject();
            g.writeObjectFieldStart("features");
            g.writeObjectFieldStart("ResultCache");
            g.writeStringField("status", "disabled");
            g.writeEndObject();
            g.writeStringField("IAMAuthentication", iamAuthentication ? "enabled" : "disabled");
            g.writeStringField("Streams", streamsEnabled ? "enabled" : "disabled");
            g.writeStringField("AuditLog", "disabled");
            g.writeStringField("SlowQueryLogs", "disabled");
            g.writeEndObject();
            g.writeObjectFieldStart("settings");
            g.writeStringField("clusterQueryTimeoutInMs", Long.toString(queryTimeoutMillis));
            g.writeEndObject();
            g.writeEndObject();
        }
        return Responses.json(HttpResponseStatus.OK, out.toByteArray());
    }
}
