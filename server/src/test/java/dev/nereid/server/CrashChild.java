package dev.nereid.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./nereid serve} in a child JVM for the kill -9 tests: started on a data directory, killed
 * without warning, started again. Each child has its own HTTP client, so no pooled connection outlives
 * the server it was opened to.
 *
 * @param base {@code http://host:port} as the server announced it
 */
public record CrashChild(Process process, String base, HttpClient http) {

    private static final Pattern READY = Pattern.compile("Nereid ready on http://([^:]+):(\\d+)");

    /** Starts a server on {@code data}; its stderr goes to {@code logs/server-<cycle>.err}. */
    public static CrashChild start(Path data, Path logs, int cycle) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:-OmitStackTraceInFastThrow",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                "--host", "127.0.0.1", "--port", "0", "--data-dir", data.toString())
                .redirectError(logs.resolve("server-" + cycle + ".err").toFile())
                .start();
        CountDownLatch ready = new CountDownLatch(1);
        String[] base = new String[1];
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        base[0] = "http://" + m.group(1) + ":" + m.group(2);
                        ready.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the child was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(60, TimeUnit.SECONDS)) {
            process.toHandle().destroyForcibly();
            throw new AssertionError("server of cycle " + cycle + " did not start; see server-" + cycle + ".err");
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return new CrashChild(process, base[0], http);
    }

    /** SIGKILL: the server gets no chance to flush, close or say goodbye. */
    public void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
}
