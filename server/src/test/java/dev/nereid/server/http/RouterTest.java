package dev.nereid.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RouterTest {
    private final Route a = exchange -> null;
    private final Route b = exchange -> null;

    @Test
    void pathsAreExactAndCaseSensitive() {
        Router router = new Router().addWithTrailingSlash("/pg/stream", a).add("/status", b);
        assertThat(router.find("/pg/stream")).containsSame(a);
        assertThat(router.find("/pg/stream/")).containsSame(a);
        assertThat(router.find("/status")).containsSame(b);
        assertThat(router.find("/status/")).isEmpty();
        assertThat(router.find("/PG/stream")).isEmpty();
        assertThat(router.find("/pg/stream//")).isEmpty();
        assertThat(router.find("/pg")).isEmpty();
    }

    @Test
    void aPathCannotBeRegisteredTwice() {
        Router router = new Router().add("/status", a);
        assertThatThrownBy(() -> router.add("/status", b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("path registered twice: /status");
    }
}
