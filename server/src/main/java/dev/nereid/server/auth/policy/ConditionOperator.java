package dev.nereid.server.auth.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * The condition operators Nereid evaluates: IAM's string, numeric, date, Boolean and IP address families,
 * each of which may also carry the {@code IfExists} suffix, which {@link ConditionClause} holds. Each compares
 * the request's value to one of the policy's: string operators as text, the others as the values the texts
 * name, so a request value that names none (a date compared as a number) matches nothing.
 */
public enum ConditionOperator {
    STRING_EQUALS("StringEquals", false, String::equals),
    STRING_NOT_EQUALS("StringNotEquals", true, String::equals),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", false, String::equalsIgnoreCase),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", true, String::equalsIgnoreCase),
    STRING_LIKE("StringLike", false, (pattern, value) -> WildcardMatcher.matches(pattern, value, false)),
    STRING_NOT_LIKE("StringNotLike", true, (pattern, value) -> WildcardMatcher.matches(pattern, value, false)),
    NUMERIC_EQUALS("NumericEquals", false, Values.NUMBER, c -> c == 0),
    NUMERIC_NOT_EQUALS("NumericNotEquals", true, Values.NUMBER, c -> c == 0),
    NUMERIC_LESS_THAN("NumericLessThan", false, Values.NUMBER, c -> c < 0),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", false, Values.NUMBER, c -> c <= 0),
    NUMERIC_GREATER_THAN("NumericGreaterThan", false, Values.NUMBER, c -> c > 0),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", false, Values.NUMBER, c -> c >= 0),
    DATE_EQUALS("DateEquals", false, Values.DATE, c -> c == 0),
    DATE_NOT_EQUALS("DateNotEquals", true, Values.DATE, c -> c == 0),
    DATE_LESS_THAN("DateLessThan", false, Values.DATE, c -> c < 0),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", false, Values.DATE, c -> c <= 0),
    DATE_GREATER_THAN("DateGreaterThan", false, Values.DATE, c -> c > 0),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", false, Values.DATE, c -> c >= 0),
    BOOL("Bool", false, "true or false", value -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"),
            value -> true, String::equalsIgnoreCase),
    IP_ADDRESS("IpAddress", false, Values.IP, (range, address) -> range.contains(address)),
    NOT_IP_ADDRESS("NotIpAddress", true, Values.IP, (range, address) -> range.contains(address));

    public static final String IF_EXISTS = "IfExists";

    private final String iamName;
    private final boolean negated;
    private final String policyValueExpected;
    private final Predicate<String> policyValueValid;
    private final Predicate<String> requestValueComparable;
    private final BiPredicate<String, String> policyValueMatches;

    ConditionOperator(String iamName, boolean negated, BiPredicate<String, String> policyValueMatches) {
        this(iamName, negated, "a string, number or boolean", value -> true, value -> true, policyValueMatches);
    }

    /** An operator comparing parsed values; {@code holds} is given the request's value compared to the policy's. */
    <T extends Comparable<T>> ConditionOperator(String iamName, boolean negated, Values.Kind<T> kind, IntPredicate holds) {
        this(iamName, negated, kind, (policy, request) -> holds.test(request.compareTo(policy)));
    }

    <T> ConditionOperator(String iamName, boolean negated, Values.Kind<T> kind, BiPredicate<T, T> policyRequestMatch) {
        this(iamName, negated, kind.expected(), kind::reads, kind::reads,
                (policy, request) -> policyRequestMatch.test(kind.read(policy), kind.read(request)));
    }

    ConditionOperator(String iamName, boolean negated, String policyValueExpected,
                      Predicate<String> policyValueValid,
                      Predicate<String> requestValueComparable,
                      BiPredicate<String, String> policyValueMatches) {
        this.iamName = iamName;
        this.negated = negated;
        this.policyValueExpected = policyValueExpected;
        this.policyValueValid = policyValueValid;
        this.requestValueComparable = requestValueComparable;
        this.policyValueMatches = policyValueMatches;
    }

    /** The operator a policy spells exactly so, without {@code IfExists}; IAM's operator names are case-sensitive. */
    public static Optional<ConditionOperator> named(String iamName) {
        return Arrays.stream(values()).filter(op -> op.iamName.equals(iamName)).findFirst();
    }

    public static List<String> iamNames() {
        return Arrays.stream(values()).map(ConditionOperator::iamName).toList();
    }

    public String iamName() {
        return iamName;
    }

    /** A negated operator holds when the request's value matches none of the policy's values. */
    public boolean negated() {
        return negated;
    }

    /** Empty if a policy may give this value to this operator, else what it should have given. */
    Optional<String> policyValueProblem(String policyValue) {
        return policyValueValid.test(policyValue) ? Optional.empty() : Optional.of(policyValueExpected);
    }

    /** Whether the request's value is of the kind this operator compares; IAM fails the clause when not. */
    boolean comparable(String requestValue) {
        return requestValueComparable.test(requestValue);
    }

    /**
     * Whether one of the policy's values matches the request's value, before any negation. Both must be
     * valid and comparable (see {@link #policyValueProblem} and {@link #comparable}).
     */
    public boolean matches(String policyValue, String requestValue) {
        return policyValueMatches.test(policyValue, requestValue);
    }

    /** The kinds of value the non-string operators compare, each with how its texts are read. */
    static final class Values {
        record Kind<T>(String expected, Function<String, Optional<T>> parse) {
            boolean reads(String text) {
                return parse.apply(text).isPresent();
            }

            /** The value a text {@link #reads} names. */
            T read(String text) {
                return parse.apply(text).orElseThrow();
            }
        }

        static final Kind<BigDecimal> NUMBER = new Kind<>(ConditionNumber.EXPECTED, ConditionNumber::parse);
        static final Kind<Instant> DATE = new Kind<>(ConditionDate.EXPECTED, ConditionDate::parse);
        static final Kind<IpRange> IP = new Kind<>("an IPv4 or IPv6 address or CIDR range (e.g. 203.0.113.0/24)",
                IpRange::parse);

        private Values() {
        }
    }
}
