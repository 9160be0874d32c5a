package dev.nereid.server.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardMatcherTest {
    private static final Duration WELL_UNDER_A_SECOND = Duration.ofMillis(500);

    @ParameterizedTest(name = "''{0}'' ~ ''{1}'' ignoreCase={2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "*                      | ''                              | false | true",
        "*                      | anything                        | false | true",
        "''                     | ''                              | false | true",
        "''                     | a                               | false | false",
        "**                     | ''                              | false | true",
        "?                      | ''                              | false | false",
        "?                      | x                               | false | true",
        "a?c                    | abc                             | false | true",
        "a?c                    | ac                              | false | false",
        "*?*                    | x                               | false | true",
        "a*b*c                  | axxbyyc                         | false | true",
        "a*b*c                  | axxbyy                          | false | false",
        "*a                     | bba                             | false | true",
        "a*                     | ba                              | false | false",
        "a*a                    | a                               | false | false",
        "ab*ba                  | aba                             | false | false",
        "ab*ba                  | abba                            | false | true",
        "*.*                    | file                            | false | false",
        "a*                     | a*b                             | false | true",
        "abc                    | abcd                            | false | false",
        "abc                    | ab                              | false | false",
        "neptune-db:*           | neptune-db:ReadDataViaQuery     | true  | true",
        "neptune-db:*           | neptune-dbx:ReadDataViaQuery    | true  | false",
        "neptune-db:Read*       | NEPTUNE-DB:readDataViaQuery     | true  | true",
        "neptune-db:Read*       | neptune-db:readDataViaQuery     | false | false",
        "neptune-db:Read*       | neptune-db:WriteDataViaQuery    | true  | false",
        "neptune-db:Get?ngineStatus | neptune-db:GetEngineStatus  | true  | true",
        "arn:aws:neptune-db:us-east-1:123456789012:cluster-ABCDEF/*"
            + " | arn:aws:neptune-db:us-east-1:123456789012:cluster-ABCDEF/database | false | true",
        "arn:aws:neptune-db:us-east-1:123456789012:cluster-abcdef/*"
            + " | arn:aws:neptune-db:us-east-1:123456789012:cluster-ABCDEF/database | false | false",
        "arn:aws:neptune-db:*:*:*/*"
            + " | arn:aws:neptune-db:us-east-1:123456789012:cluster-ABCDEF/database | false | true",
    })
    void matchesAsIamDoes(String pattern, String text, boolean ignoreCase, boolean expected) {
        assertThat(WildcardMatcher.matches(pattern, text, ignoreCase)).isEqualTo(expected);
    }

    @Test
    void manyStarsAgainstALongTextStayFast() {
        String pattern = "a*".repeat(50) + "b";
        String text = "a".repeat(200_000);

        boolean matched = assertTimeoutPreemptively(WELL_UNDER_A_SECOND, () -> WildcardMatcher.matches(pattern, text, false));

        assertThat(matched).isFalse();
    }

    @Test
    void aLongLiteralAfterAStarStaysFast() {
        String pattern = "*" + "a".repeat(100) + "b";
        String text = "a".repeat(100_000);

        boolean matched = assertTimeoutPreemptively(WELL_UNDER_A_SECOND, () -> WildcardMatcher.matches(pattern, text, true));

        assertThat(matched).isFalse();
    }
}
