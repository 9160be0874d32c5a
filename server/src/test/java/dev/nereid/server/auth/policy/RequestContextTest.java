package dev.nereid.server.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RequestContextTest {
    @Test
    void looksKeysUpInAnyCase() {
        RequestContext context = new RequestContext(Map.of("aws:RequestedRegion", "us-east-1"));

        assertThat(context.value("AWS:requestedregion")).isEqualTo(Optional.of("us-east-1"));
        assertThat(context.value("aws:SecureTransport")).isEqualTo(Optional.empty());
    }

    @Test
    void refusesOneKeyTwiceInDifferentCase() {
        Map<String, String> twice = new TreeMap<>(Map.of("aws:EpochTime", "1", "AWS:EPOCHTIME", "2"));

        assertThatThrownBy(() -> new RequestContext(twice))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("condition key aws:EpochTime is given twice, in different case");
    }
}
