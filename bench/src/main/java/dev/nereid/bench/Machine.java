package dev.nereid.bench;

/**
 * The machine a figure was measured on. Only ratios travel between machines, but a reader needs
 * to know how many cores the subject and its baseline shared.
 */
public record Machine(int cores, String jdk, String vm, String os) {

    public static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
    }

    @Override
    public String toString() {
        return cores + " cores, JDK " + jdk + " (" + vm + "), " + os;
    }
}
