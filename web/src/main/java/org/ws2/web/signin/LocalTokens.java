package org.ws2.web.signin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Issues tokens from the local stack's signing key ({@code $WS2_HOME/jwt/private-key.pem}, made by
 * local-stack's {@code LocalJwtKeys}), with the same claims {@code ./ws2 token} puts in. Only ever
 * configured on a developer's stack: production has no private key here, and no sign-in page.
 */
public final class LocalTokens {

    public static final List<String> ROLES = List.of("admin", "support-staff", "group-editor");
    public static final Duration LIFETIME = Duration.ofHours(12);

    private final RSAPrivateCrtKey privateKey;
    private final String keyId;

    LocalTokens(Path keyDir) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(
                    Files.readString(keyDir.resolve("private-key.pem")).replaceAll("-----[A-Z ]+-----", ""));
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            this.privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            this.keyId = new RSAKey.Builder(publicKey).build().computeThumbprint().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the local signing key in " + keyDir, e);
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("Cannot use the local signing key in " + keyDir, e);
        }
    }

    /** A signed RS256 token; {@code name} becomes the {@code sub} recorded on every change. */
    String issue(String name, String role, List<String> groups) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("Pick one of the roles " + ROLES + ".");
        }
        if (role.equals("group-editor") && groups.isEmpty()) {
            throw new IllegalArgumentException("A group editor needs at least one group to edit.");
        }
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(SignedInUser.LOCAL_ISSUER)
                .audience(SignedInUser.LOCAL_AUDIENCE)
                .subject(name)
                .claim("roles", List.of(role))
                .claim("groups", role.equals("group-editor") ? List.copyOf(groups) : List.of())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(keyId).build(), claims);
            jwt.sign(new RSASSASigner(privateKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
