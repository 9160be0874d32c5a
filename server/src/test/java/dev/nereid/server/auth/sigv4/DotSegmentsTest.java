package dev.nereid.server.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DotSegmentsTest {

    @Test
    void removesDotSegmentsAndRepeatedSlashesAsJavaNetUriDoes() {
        assertThat(DotSegments.remove("/")).isEqualTo("/");
        assertThat(DotSegments.remove("/gremlin")).isEqualTo("/gremlin");
        assertThat(DotSegments.remove("/a//b/./c/../d")).isEqualTo("/a/b/d");
        assertThat(DotSegments.remove("/a/b/.")).isEqualTo("/a/b/");
        assertThat(DotSegments.remove("/a/b/..")).isEqualTo("/a/");
        assertThat(DotSegments.remove("/a/..")).isEqualTo("/");
        assertThat(DotSegments.remove("//example//")).isEqualTo("/example/");
        assertThat(DotSegments.remove("///")).isEqualTo("/");
    }

    @Test
    void keepsWhatIsNotADotSegment() {
        assertThat(DotSegments.remove("/../a")).isEqualTo("/../a");
        assertThat(DotSegments.remove("/a/../../b/")).isEqualTo("/../b/");
        assertThat(DotSegments.remove("/a/%2E%2E/b")).isEqualTo("/a/%2E%2E/b");
        assertThat(DotSegments.remove("/a/..b/.c/...")).isEqualTo("/a/..b/.c/...");
    }

    /** The AWS SDK for Java normalizes with {@code URI.normalize()}; this must agree with it everywhere. */
    @Test
    void agreesWithJavaNetUriOnTenThousandRandomPaths() {
        String[] pieces = {"/", "/", "/", "a", "b", ".", ".", "..", "%2E", "x.", "..."};
        Random random = new Random(20260301);
        for (int n = 0; n < 10_000; n++) {
            StringBuilder path = new StringBuilder("/");
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                path.append(pieces[random.nextInt(pieces.length)]);
            }
            String expected = URI.create("http://h" + path).normalize().getRawPath();
            assertThat(DotSegments.remove(path.toString())).as(path.toString()).isEqualTo(expected);
        }
    }
}
