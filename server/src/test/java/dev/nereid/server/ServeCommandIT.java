package dev.nereid.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nereid.log.FileChangeLog;
import dev.nereid.log.LogConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./nereid} as a newcomer runs it: a child process, the ready line, SIGTERM. */
class ServeCommandIT {
    static final Pattern READY = Pattern.compile("Nereid ready on http://127\\.0\\.0\\.1:(\\d+)");

    static Path script() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath()
                .getParent().resolve("nereid");
    }

    @Test
    void servesOnAFreePortAndStopsCleanlyOnSigterm(@TempDir Path dataDir) throws Exception {
        Process p = new ProcessBuilder(script().toString(), "serve", "--port", "0", "--data-dir", dataDir.toString(),
                "--streams-expiry-days", "3").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).isNotNull();
            Matcher m = READY.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            int port = Integer.parseInt(m.group(1));
            assertThat(port).isPositive().isNotEqualTo(8182);

            HttpResponse<String> status = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/status")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).contains("\"Streams\":\"enabled\"");
            HttpResponse<String> empty = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/pg/stream?iteratorType=TRIM_HORIZON")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(empty.statusCode()).isEqualTo(404);

            p.destroy(); // SIGTERM
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isIn(0, 143);
            // Closed cleanly: the logs' locks are free and reopening finds nothing to repair.
            for (String stream : List.of("propertygraph", "sparql")) {
                try (FileChangeLog log = FileChangeLog.open(dataDir.resolve(stream).resolve("log"),
                        LogConfig.defaults())) {
                    assertThat(log.recovery().clean()).isTrue();
                    assertThat(log.recovery().bytesDropped()).isZero();
                }
            }
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void helpExplainsEveryOption() throws Exception {
        String top = run(List.of("--help"));
        assertThat(top).contains("serve");
        String serve = run(List.of("serve", "--help"));
        assertThat(serve).contains("--host=HOST", "--port=PORT", "--data-dir=DIR", "--streams=on|off",
                "--streams-expiry-days=DAYS", "--streams-expiry-seconds=SECONDS", "--durability=fsync|none",
                "--auth=none|sigv4", "--auth-config=FILE", "--tls-cert=FILE", "--tls-key=FILE", "--max-body-bytes=BYTES",
                "--max-concurrent-requests=N");
    }

    @Test
    void outOfRangeSettingsStopStartupWithAClearMessage(@TempDir Path dataDir) throws Exception {
        Process p = new ProcessBuilder(script().toString(), "serve", "--port", "0", "--data-dir", dataDir.toString(),
                "--streams-expiry-days", "91").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(output).contains("streams expiry days must be from 1 to 90, was 91");
    }

    @Test
    void aBadAuthConfigStopsStartupNamingTheProblem(@TempDir Path dataDir) throws Exception {
        Path config = dataDir.resolve("auth.json");
        java.nio.file.Files.writeString(config, "{\"region\": \"us-east-1\", \"principals\": [{\"name\": \"a\", "
                + "\"accessKeyId\": \"AK\", \"secretAccessKey\": \"s\", \"policies\": [{\"Statement\": "
                + "{\"Effect\": \"allow\", \"Action\": \"*\", \"Resource\": \"*\"}}]}]}");
        String output = refusedToStart(dataDir, "--auth", "sigv4", "--auth-config", config.toString());
        assertThat(output).contains("auth config " + config + ": principals[0].policies[0].Statement.Effect must be "
                + "\"Allow\" or \"Deny\", was \"allow\"");
        assertThat(refusedToStart(dataDir, "--auth", "sigv4")).contains("--auth sigv4 needs --auth-config FILE");
    }

    @Test
    void aTlsKeyThatIsNotTheCertificatesStopsStartup(@TempDir Path dataDir) throws Exception {
        Path tls = Path.of(ServeCommandIT.class.getClassLoader().getResource("tls/localhost.crt").toURI()).getParent();
        String output = refusedToStart(dataDir, "--tls-cert", tls.resolve("localhost.crt").toString(),
                "--tls-key", tls.resolve("other.key").toString());
        assertThat(output).contains("TLS key file " + tls.resolve("other.key") + " does not belong to the certificate in "
                + tls.resolve("localhost.crt"));
        assertThat(refusedToStart(dataDir, "--tls-cert", tls.resolve("localhost.crt").toString()))
                .contains("--tls-cert and --tls-key go together");
    }

    private static String refusedToStart(Path dataDir, String... options) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(script().toString(), "serve", "--port", "0",
                "--data-dir", dataDir.toString()));
        cmd.addAll(List.of(options));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(2);
        return output;
    }

    private static String run(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(script().toString());
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}
