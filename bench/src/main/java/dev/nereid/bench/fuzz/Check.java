package dev.nereid.bench.fuzz;

/** One check of the server after the fuzzing: its name, whether it passed and what was seen. */
public record Check(String name, boolean passed, String detail) {

    static Check of(String name, boolean passed, String detail) {
        return new Check(name, passed, detail);
    }
}
