package dev.nereid.server.auth.policy;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** The numbers {@code Numeric*} conditions compare: integers or decimals, compared by value ({@code 1.0 = 1}). */
final class ConditionNumber {
    static final String EXPECTED = "a number";
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,40}(\\.[0-9]{1,40})?");

    private ConditionNumber() {
    }

    static Optional<BigDecimal> parse(String text) {
        return NUMBER.matcher(text).matches() ? Optional.of(new BigDecimal(text)) : Optional.empty();
    }
}
