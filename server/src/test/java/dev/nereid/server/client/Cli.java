package dev.nereid.server.client;

import dev.nereid.server.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./nereid} in a child JVM, as a person runs it: the real Main, stdout as bytes, under the C
 * locale so nothing depends on the machine's encoding.
 */
final class Cli {

    /** What a finished run left: its exit status, stdout byte for byte, stderr as text. */
    record Result(int exit, byte[] stdout, String stderr) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    private final Path dir;
    private int runs;

    Cli(Path dir) {
        this.dir = dir;
    }

    Result run(String... args) throws Exception {
        Process p = start(args);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("nereid " + String.join(" ", args) + " did not finish");
        }
        return result(p);
    }

    /** A run that goes on (e.g. {@code tail --follow}); read its output with {@link #stdout}. */
    Process start(String... args) throws IOException {
        runs++;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).redirectOutput(out().toFile()).redirectError(err().toFile());
        b.environment().put("LC_ALL", "C");
        b.environment().remove("LANG");
        return b.start();
    }

    byte[] stdout() throws IOException {
        return Files.readAllBytes(out());
    }

    String stderr() throws IOException {
        return Files.readString(err(), StandardCharsets.UTF_8);
    }

    Result result(Process p) throws IOException {
        return new Result(p.exitValue(), stdout(), stderr());
    }

    private Path out() {
        return dir.resolve("run-" + runs + ".out");
    }

    private Path err() {
        return dir.resolve("run-" + runs + ".err");
    }
}
