package org.ws2.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A throw-away RSA key pair standing in for the token issuer: the public half is written as PEM where
 * the gateway is told to look, the private half signs test tokens shaped like the real ones.
 */
public final class TestTokens {

    /** What the gateway requires by default (the local stack's issuer, the product's audience). */
    public static final String ISSUER = "ws2-local";
    public static final String AUDIENCE = "ws2-tracker";

    private final KeyPair keyPair;
    private final Path publicKeyPem;

    private TestTokens(KeyPair keyPair, Path publicKeyPem) {
        this.keyPair = keyPair;
        this.publicKeyPem = publicKeyPem;
    }

    public static TestTokens create() {
        try {
            KeyPair keyPair = newKeyPair();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keyPair.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Path file = Files.createTempFile("ws2-gateway-test-", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            return new TestTokens(keyPair, file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Makes the gateway trust these tokens (and no OIDC issuer). */
    public void trustedBy(DynamicPropertyRegistry registry) {
        registry.add("ws2.jwt.issuer-uri", () -> "");
        registry.add("ws2.jwt.public-key-location", this::publicKeyLocation);
    }

    /** Spring resource location of the public key. */
    public String publicKeyLocation() {
        return "file:" + publicKeyPem.toAbsolutePath();
    }

    public String valid(String subject, List<String> roles, List<String> groups) {
        Instant now = Instant.now();
        return sign((RSAPrivateKey) keyPair.getPrivate(), subject, roles, groups, now, now.plus(Duration.ofMinutes(5)));
    }

    public String expired(String subject, List<String> roles) {
        Instant issued = Instant.now().minus(Duration.ofHours(2));
        return sign((RSAPrivateKey) keyPair.getPrivate(), subject, roles, List.of(), issued,
                issued.plus(Duration.ofMinutes(5)));
    }

    /** Well-formed and unexpired, but signed by a key the gateway does not trust. */
    public static String signedByStranger(String subject, List<String> roles) {
        Instant now = Instant.now();
        return sign((RSAPrivateKey) newKeyPair().getPrivate(), subject, roles, List.of(), now,
                now.plus(Duration.ofMinutes(5)));
    }

    private static String sign(RSAPrivateKey key, String subject, List<String> roles, List<String> groups,
            Instant issuedAt, Instant expiresAt) {
        return sign(key, new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
            .claim("roles", roles)
            .claim("groups", groups)
            .issueTime(Date.from(issuedAt))
            .expirationTime(Date.from(expiresAt))
            .build());
    }

    /** Any claims, signed by the trusted key: for tests of what a token must carry. */
    public String signed(JWTClaimsSet claims) {
        return sign((RSAPrivateKey) keyPair.getPrivate(), claims);
    }

    private static String sign(RSAPrivateKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(key));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
