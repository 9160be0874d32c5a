package dev.nereid.client.aws;

import dev.nereid.client.RequestSigner;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * SigV4 for Neptune clusters with IAM authentication (spec §8), by the AWS SDK's own signer. Credentials
 * come from any SDK provider, e.g. {@code DefaultCredentialsProvider.create()} from
 * {@code software.amazon.awssdk:auth}, and are resolved for every request, so rotated ones are picked up.
 *
 * <p>Needs {@code software.amazon.awssdk:http-auth-aws} on the class path, which the client declares as
 * optional.
 */
public final class SigV4Signer implements RequestSigner {
    /** Neptune's signing name. */
    public static final String NEPTUNE_SERVICE = "neptune-db";
    /** java.net.http sets these itself, from the URI, exactly as the signer saw them. */
    private static final List<String> SET_BY_THE_HTTP_CLIENT = List.of("host", "content-length", "connection");

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    private final String region;
    private final String service;
    private final Clock clock;

    public SigV4Signer(IdentityProvider<? extends AwsCredentialsIdentity> credentials, String region, String service,
                       Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.region = Objects.requireNonNull(region, "region");
        this.service = Objects.requireNonNull(service, "service");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Signs for Neptune ({@value #NEPTUNE_SERVICE}) in {@code region}. */
    public static SigV4Signer neptune(IdentityProvider<? extends AwsCredentialsIdentity> credentials, String region) {
        return new SigV4Signer(credentials, region, NEPTUNE_SERVICE, Clock.systemUTC());
    }

    @Override
    public Map<String, List<String>> sign(URI uri, Map<String, List<String>> headers) {
        SdkHttpRequest request = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.GET).headers(headers).build();
        AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
        SignedRequest signed = signer.sign(r -> r.identity(identity).request(request)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        Map<String, List<String>> added = new LinkedHashMap<>();
        signed.request().forEachHeader((name, values) -> {
            if (!SET_BY_THE_HTTP_CLIENT.contains(name.toLowerCase(java.util.Locale.ROOT)) && !headers.containsKey(name)) {
                added.put(name, values);
            }
        });
        return added;
    }
}
