package org.ws2.localsigning;

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
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The local stack's token issuer: an RSA key pair made on first use and kept with the local data
 * ({@code private-key.pem} readable by the owner only, {@code public.pem} handed to the services).
 * It signs tokens for the local stack only; production validates tokens from a real OIDC issuer.
 * The launcher makes the key ({@link #loadOrCreate}) and prints tokens ({@code ./ws2 token}); the web
 * module's local sign-in page only reads it ({@link #load}) and signs in people by name.
 */
public final class LocalJwtKeys {

    public static final String ISSUER = "ws2-local";
    /** The audience the gateway and services require by default ({@code ws2.jwt.audience}). */
    public static final String AUDIENCE = "ws2-tracker";
    public static final List<String> ROLES = List.of("admin", "support-staff", "group-editor");
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private final RSAPrivateCrtKey privateKey;
    private final RSAPublicKey publicKey;
    private final Path publicKeyFile;

    private LocalJwtKeys(RSAPrivateCrtKey privateKey, RSAPublicKey publicKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.publicKeyFile = publicKeyFile;
    }

    /** Loads the key pair from {@code dir}, creating it on first use. */
    public static LocalJwtKeys loadOrCreate(Path dir) {
        try {
            Files.createDirectories(dir);
            Path privateFile = dir.resolve("private-key.pem");
            if (!Files.exists(privateFile)) {
                create(privateFile);
            }
            return read(dir, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Loads the key pair the launcher made in {@code dir}, and never makes one: a new key there would
     * sign tokens that the running services, holding the old public key, refuse.
     */
    public static LocalJwtKeys load(Path dir) {
        try {
            return read(dir, false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the local signing key in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot use the local signing key in " + dir, e);
        }
    }

    private static LocalJwtKeys read(Path dir, boolean writePublicKey) throws IOException, GeneralSecurityException {
        Path publicFile = dir.resolve("public.pem");
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                new PKCS8EncodedKeySpec(fromPem(Files.readString(dir.resolve("private-key.pem")))));
        // derived from the private key, so a lost or edited public.pem can never disagree with it
        RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        String publicPem = toPem("PUBLIC KEY", publicKey.getEncoded());
        if (writePublicKey && (!Files.exists(publicFile) || !Files.readString(publicFile).equals(publicPem))) {
            Files.writeString(publicFile, publicPem);
        }
        return new LocalJwtKeys(privateKey, publicKey, publicFile);
    }

    private static void create(Path privateFile) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                // created with owner-only permissions, never readable by others even for a moment
                Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(privateFile);
            }
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(privateFile, toPem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardOpenOption.TRUNCATE_EXISTING);
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /** A signed RS256 token for one role; {@code groups} are the group ids a group-editor may edit. */
    public String token(String role, List<String> groups) {
        return token("local-" + role, role, groups);
    }

    /**
     * The same for a named person: {@code subject} becomes the {@code sub} that every change they make
     * records as its author.
     */
    public String token(String subject, String role, List<String> groups) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("Unknown role '" + role + "'; use one of " + ROLES);
        }
        if (role.equals("group-editor") && groups.isEmpty()) {
            throw new IllegalArgumentException("A group-editor token needs at least one of the groups it may edit, e.g. ALAC GAC");
        }
        if (!role.equals("group-editor") && !groups.isEmpty()) {
            throw new IllegalArgumentException("Only group-editor tokens name groups");
        }
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .claim("roles", List.of(role))
                .claim("groups", List.copyOf(groups))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .type(JOSEObjectType.JWT)
                    .keyID(new RSAKey.Builder(publicKey).build().computeThumbprint().toString())
                    .build();
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(privateKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String toPem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static byte[] fromPem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    /** Parses a {@code -----BEGIN PUBLIC KEY-----} file the way a service would. */
    public static RSAPublicKey readPublicKey(Path pem) throws IOException, GeneralSecurityException {
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(fromPem(Files.readString(pem))));
    }
}
