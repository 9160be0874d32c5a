package dev.nereid.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The value forms the load drivers' options share: seconds with a fraction, comma-separated counts. */
public final class CommandLineValues {

    private CommandLineValues() {
    }

    /** {@code "2.5"} → 2.5 s. */
    public static Duration seconds(String value) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }

    /** {@code "1, 8"} → [1, 8]. */
    public static List<Integer> ints(String list) {
        List<Integer> values = new ArrayList<>();
        for (String v : list.split(",")) {
            values.add(Integer.parseInt(v.trim()));
        }
        return values;
    }
}
