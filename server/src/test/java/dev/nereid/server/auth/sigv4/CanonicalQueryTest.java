package dev.nereid.server.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CanonicalQueryTest {

    static String canonical(String rawQuery) throws RequestRejected {
        return CanonicalQuery.parse(rawQuery, false).text();
    }

    @Test
    void sortsByEncodedNameThenEncodedValue() throws RequestRejected {
        assertThat(canonical("Param2=value2&Param1=value1")).isEqualTo("Param1=value1&Param2=value2");
        assertThat(canonical("a=10&a=9&a=1")).isEqualTo("a=1&a=10&a=9");
        assertThat(canonical("x=a.b&x=a%2Fb")).isEqualTo("x=a%2Fb&x=a.b");
        assertThat(canonical("b=1&B=2&_=3&~=4")).isEqualTo("B=2&_=3&b=1&~=4");
        assertThat(canonical("a=1&a=1")).isEqualTo("a=1&a=1");
    }

    @Test
    void reEncodesWithTheUnreservedSetOnly() throws RequestRejected {
        assertThat(canonical("q=a%20b")).isEqualTo("q=a%20b");
        assertThat(canonical("q=a b")).isEqualTo("q=a%20b");
        assertThat(canonical("q=%7e%2d%2E%5F")).isEqualTo("q=~-._");
        assertThat(canonical("q=:,/?@!$'()*;")).isEqualTo("q=%3A%2C%2F%3F%40%21%24%27%28%29%2A%3B");
        assertThat(canonical("q=%c3%a9%E2%82%AC")).isEqualTo("q=%C3%A9%E2%82%AC");
        assertThat(canonical("q=\u00e9\ud83d\ude00")).isEqualTo("q=%C3%A9%F0%9F%98%80");
        assertThat(canonical("q=%FF%FE")).isEqualTo("q=%FF%FE");
    }

    @Test
    void aPlusIsItselfUnlessReadAsAFormSpace() throws RequestRejected {
        assertThat(canonical("q=a+b")).isEqualTo("q=a%2Bb");
        assertThat(CanonicalQuery.parse("q=a+b&r=%2B", true).text()).isEqualTo("q=a%20b&r=%2B");
    }

    @Test
    void splitsAtTheFirstEqualsAndSkipsEmptyPartsAndEmptyNames() throws RequestRejected {
        assertThat(canonical("a=1=2")).isEqualTo("a=1%3D2");
        assertThat(canonical("b&a=1")).isEqualTo("a=1&b=");
        assertThat(canonical("b=&a")).isEqualTo("a=&b=");
        assertThat(canonical("&&a=1&&")).isEqualTo("a=1");
        assertThat(canonical("=x&a=1&=")).isEqualTo("a=1");
        assertThat(canonical("")).isEqualTo("");
    }

    @Test
    void aMalformedEscapeIsRejected() {
        assertThatThrownBy(() -> canonical("a=1&b=%4"))
                .isInstanceOf(RequestRejected.class)
                .hasMessage("query parameter 'b=%4' has a malformed percent-escape");
        assertThatThrownBy(() -> canonical("%zz=1"))
                .hasMessage("query parameter '%zz=1' has a malformed percent-escape");
        assertThatThrownBy(() -> canonical("a=%"))
                .hasMessage("query parameter 'a=%' has a malformed percent-escape");
    }

    @Test
    void findsPresigningParametersInAnyCase() throws RequestRejected {
        assertThat(CanonicalQuery.parse("a=1&x-amz-signature=00", false).presigningParameter())
                .isEqualTo(Optional.of("X-Amz-Signature"));
        assertThat(CanonicalQuery.parse("X-Amz-Credential=k", false).presigningParameter())
                .isEqualTo(Optional.of("X-Amz-Credential"));
        assertThat(CanonicalQuery.parse("X-Amz-Date=1&X-Amz-Expires=5", false).presigningParameter())
                .isEqualTo(Optional.empty());
    }
}
