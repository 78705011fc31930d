package org.ws2.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.ws2.contracts.identity.Ws2Roles;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Real signed bearer tokens for tests that go over HTTP: one RSA key per JVM, whose public half
 * {@link FreshDatabaseContextCustomizerFactory} hands to the service under test.
 */
public final class TestTokens {

    /** The {@code iss} and {@code aud} every test token carries; the services under test require them. */
    public static final String ISSUER = "ws2-test";
    public static final String AUDIENCE = "ws2-tracker";

    private static final KeyPair KEYS = generate();
    private static final Path PUBLIC_KEY_PEM = writePublicKey();

    public static String publicKeyLocation() {
        return PUBLIC_KEY_PEM.toUri().toString();
    }

    public static String bearer(String subject, String role, String... groups) {
        return "Bearer " + token(subject, role, groups);
    }

    public static String token(String subject, String role, String... groups) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .claim(Ws2Roles.ROLES_CLAIM, List.of(role))
                .claim(Ws2Roles.GROUPS_CLAIM, List.of(groups))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .build();
        return signed(claims);
    }

    /** Any claims, signed with the trusted test key: for tests of what a token must carry. */
    public static String signed(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey() {
        RSAPublicKey key = (RSAPublicKey) KEYS.getPublic();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            Path file = Files.createTempFile("ws2-test-jwt", ".pem");
            Files.writeString(file, pem);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestTokens() {
    }
}
