package dev.nereid.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsFilesTest {
    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(TlsFilesTest.class.getClassLoader().getResource(name).toURI());
    }

    @Test
    void theTestCertificateAndItsKeyMakeAServerContext() throws Exception {
        assertThat(new TlsFiles(resource("tls/localhost.crt"), resource("tls/localhost.key")).load().isServer())
                .isTrue();
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() throws Exception {
        Path crt = resource("tls/localhost.crt");
        Path other = resource("tls/other.key");
        assertThatThrownBy(() -> new TlsFiles(crt, other).load()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TLS key file " + other + " does not belong to the certificate in " + crt);
    }

    @Test
    void missingAndMalformedFilesAreNamed() throws Exception {
        Path crt = resource("tls/localhost.crt");
        Path key = resource("tls/localhost.key");
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> new TlsFiles(missing, key).load())
                .hasMessageStartingWith("TLS certificate file " + missing + " cannot be read: ");
        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
        assertThatThrownBy(() -> new TlsFiles(notPem, key).load())
                .hasMessageStartingWith("TLS certificate file " + notPem + " is not a PEM certificate: ");
        assertThatThrownBy(() -> new TlsFiles(crt, missing).load())
                .hasMessageStartingWith("TLS key file " + missing + " cannot be read: ");
        Path pkcs1 = Files.writeString(dir.resolve("rsa.key"),
                "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> new TlsFiles(crt, pkcs1).load()).hasMessage("TLS key file " + pkcs1
                + " holds no unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----); convert one with: "
                + "openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY8");
        Path garbage = Files.writeString(dir.resolve("garbage.key"),
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> new TlsFiles(crt, garbage).load())
                .hasMessageStartingWith("TLS key file " + garbage + " is not a RSA key matching the certificate: ");
    }
}
