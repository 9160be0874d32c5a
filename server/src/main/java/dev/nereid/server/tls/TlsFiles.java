package dev.nereid.server.tls;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PEM files of {@code --tls-cert} and {@code --tls-key}: a certificate chain (the server's first) and its
 * unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY}, what {@code openssl req -newkey} writes). HTTPS and
 * WSS share the port, so one context serves both.
 */
public record TlsFiles(Path certificateChain, Path privateKey) {
    private static final Pattern PKCS8 =
            Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    public TlsFiles {
        Objects.requireNonNull(certificateChain, "certificateChain");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    /**
     * The server's TLS context. Checks up front what would otherwise fail only at a client's handshake, with
     * a message that names the file: unreadable, not PEM, a key of another kind, or a key that does not
     * belong to the certificate.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public SslContext load() {
        X509Certificate certificate = firstCertificate();
        PrivateKey key = key(certificate.getPublicKey().getAlgorithm());
        requirePair(certificate, key);
        try {
            return SslContextBuilder.forServer(certificateChain.toFile(), privateKey.toFile()).build();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("TLS: cannot use " + certificateChain + " with " + privateKey + ": "
                    + e.getMessage(), e);
        }
    }

    private X509Certificate firstCertificate() {
        try (InputStream in = Files.newInputStream(certificateChain)) {
            var certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("TLS certificate file " + certificateChain
                        + " holds no PEM certificate");
            }
            return (X509Certificate) certificates.iterator().next();
        } catch (IOException e) {
            throw new IllegalArgumentException("TLS certificate file " + certificateChain + " cannot be read: " + e, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("TLS certificate file " + certificateChain
                    + " is not a PEM certificate: " + e.getMessage(), e);
        }
    }

    private PrivateKey key(String algorithm) {
        String pem;
        try {
            pem = Files.readString(privateKey, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("TLS key file " + privateKey + " cannot be read: " + e, e);
        }
        Matcher m = PKCS8.matcher(pem);
        if (!m.find()) {
            throw new IllegalArgumentException("TLS key file " + privateKey + " holds no unencrypted PKCS#8 key "
                    + "(-----BEGIN PRIVATE KEY-----); convert one with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY8");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(m.group(1));
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("TLS key file " + privateKey + " is not a " + algorithm
                    + " key matching the certificate: " + e.getMessage(), e);
        }
    }

    /** A signature the certificate's public key verifies proves the key is the certificate's. */
    private void requirePair(X509Certificate certificate, PrivateKey key) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return;
        }
        try {
            byte[] probe = "nereid".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new IllegalArgumentException("TLS key file " + privateKey + " does not belong to the certificate in "
                        + certificateChain);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("TLS key file " + privateKey + " does not belong to the certificate in "
                    + certificateChain + ": " + e.getMessage(), e);
        }
    }
}
