package dev.nereid.server.cli;

import dev.nereid.client.StreamClient;
import dev.nereid.client.StreamPath;
import dev.nereid.client.aws.SigV4Signer;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/** Which stream of which server, and how to talk to it: the options every stream command shares. */
final class EndpointOptions {

    @Option(names = "--endpoint", paramLabel = "URL", required = true,
            description = "The server: http://localhost:8182, or a Neptune cluster's https://…:8182.")
    String endpoint;

    @Option(names = "--stream", paramLabel = "propertygraph|sparql", required = true,
            description = "Which stream: propertygraph (also pg, gremlin) or sparql.")
    String stream;

    @Option(names = "--gzip", description = "Ask for gzipped pages: worth it over a network, a cost on loopback.")
    boolean gzip;

    @Option(names = "--aws-region", paramLabel = "REGION",
            description = "Sign requests with SigV4 for neptune-db in this region, with credentials from the AWS SDK's "
                    + "default chain (environment, profile, container or instance role). For Neptune with IAM authentication.")
    String awsRegion;

    @Option(names = "--timeout-seconds", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long one page may take (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    StreamPath path(CommandLine cmd) {
        try {
            return StreamPath.of(stream);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, "--stream: " + e.getMessage());
        }
    }

    StreamClient client(CommandLine cmd) {
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, "--endpoint: not a URL: " + endpoint);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new CommandLine.ParameterException(cmd, "--endpoint: expected http://HOST:PORT or https://HOST:PORT, was "
                    + endpoint);
        }
        StreamClient.Builder b = StreamClient.builder(uri, path(cmd)).gzip(gzip)
                .requestTimeout(Duration.ofSeconds(timeoutSeconds));
        if (awsRegion != null) {
            b.signer(SigV4Signer.neptune(DefaultCredentialsProvider.builder().build(), awsRegion));
        }
        return b.build();
    }
}
