package dev.nereid.server.gremlin;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import io.netty.buffer.ByteBufAllocator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.tinkerpop.gremlin.util.MessageSerializer;
import org.apache.tinkerpop.gremlin.util.message.ResponseMessage;
import org.apache.tinkerpop.gremlin.util.message.ResponseStatusCode;
import org.apache.tinkerpop.gremlin.util.ser.GraphSONMessageSerializerV2;
import org.apache.tinkerpop.gremlin.util.ser.GraphSONMessageSerializerV3;
import org.apache.tinkerpop.gremlin.util.ser.GraphSONUntypedMessageSerializerV3;
import org.apache.tinkerpop.gremlin.util.ser.MessageTextSerializer;
import org.apache.tinkerpop.gremlin.util.ser.SerializationException;

/**
 * The JSON forms of a Gremlin HTTP response, chosen by {@code Accept} as Gremlin Server chooses them:
 * GraphSON 3 (also for {@code application/json}, {@code *}{@code /*} and no Accept at all), GraphSON 3
 * untyped ({@code application/vnd.gremlin-v3.0+json;types=false}, what the AWS SDK asks for), and
 * GraphSON 2. TinkerPop's serializers write the whole response,
 * {@code {"requestId","status":{"message","code","attributes"},"result":{"data","meta"}}}.
 */
final class GremlinResultFormats {
    static final String DEFAULT_MEDIA_TYPE = "application/json";

    private final Map<String, MessageTextSerializer<?>> byMediaType = new LinkedHashMap<>();

    GremlinResultFormats() {
        for (MessageTextSerializer<?> s : List.<MessageTextSerializer<?>>of(new GraphSONMessageSerializerV3(),
                new GraphSONUntypedMessageSerializerV3(), new GraphSONMessageSerializerV2())) {
            for (String mediaType : ((MessageSerializer<?>) s).mimeTypesSupported()) {
                byMediaType.putIfAbsent(normalized(mediaType), s);
            }
        }
    }

    /** One form, and the media type the response is labelled with. */
    record Format(String mediaType, MessageTextSerializer<?> serializer) {
        String render(String requestId, List<Object> results) {
            ResponseMessage response = ResponseMessage.build(UUID.fromString(requestId))
                    .code(ResponseStatusCode.SUCCESS).result(results).create();
            try {
                return serializer.serializeResponseAsString(response, ByteBufAllocator.DEFAULT);
            } catch (SerializationException e) {
                throw new IllegalStateException("cannot serialize the result as " + mediaType, e);
            }
        }
    }

    /** The first media range of {@code accept} that names a form, or the default for none or a wildcard. */
    Format forAccept(String accept) {
        if (accept == null || accept.isBlank()) {
            return byType(DEFAULT_MEDIA_TYPE);
        }
        for (String range : accept.split(",")) {
            String mediaType = normalized(range);
            if (mediaType.equals("*/*") || mediaType.equals("application/*")) {
                return byType(DEFAULT_MEDIA_TYPE);
            }
            if (byMediaType.containsKey(mediaType)) {
                return byType(mediaType);
            }
        }
        throw new NereidException(ErrorCode.BAD_REQUEST, "Unsupported Accept header: " + accept.strip());
    }

    private Format byType(String mediaType) {
        return new Format(mediaType, byMediaType.get(mediaType));
    }

    /** {@code type/subtype[;param=value…]}, lower case, without spaces or the quality parameter. */
    private static String normalized(String range) {
        StringBuilder out = new StringBuilder();
        String[] parts = range.split(";");
        out.append(parts[0].strip().toLowerCase(Locale.ROOT));
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].replace(" ", "").toLowerCase(Locale.ROOT);
            if (!param.isEmpty() && !param.startsWith("q=")) {
                out.append(';').append(param);
            }
        }
        return out.toString();
    }
}
