package org.ws2.localsigning;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalJwtKeysTest {

    @TempDir
    Path dir;

    @Test
    void createsAnOwnerOnlyPrivateKeyAndAPublicKeyPemOnFirstUse() throws Exception {
        LocalJwtKeys.loadOrCreate(dir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("private-key.pem")))).isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("public.pem"))).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(LocalJwtKeys.readPublicKey(dir.resolve("public.pem")).getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void keepsTheKeyAcrossRunsAndRewritesALostPublicKey() throws Exception {
        String first = Files.readString(LocalJwtKeys.loadOrCreate(dir).publicKeyFile());
        Files.delete(dir.resolve("public.pem"));

        LocalJwtKeys again = LocalJwtKeys.loadOrCreate(dir);

        assertThat(Files.readString(again.publicKeyFile())).isEqualTo(first);
    }

    @Test
    void signsRs256TokensThatVerifyWithThePublicPem() throws Exception {
        String token = LocalJwtKeys.loadOrCreate(dir).token("group-editor", List.of("ALAC", "GAC"));

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        assertThat(jwt.verify(new RSASSAVerifier(LocalJwtKeys.readPublicKey(dir.resolve("public.pem"))))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("ws2-local");
        assertThat(claims.getAudience()).containsExactly("ws2-tracker");
        assertThat(claims.getSubject()).isNotBlank();
        assertThat(claims.getStringListClaim("roles")).containsExactly("group-editor");
        assertThat(claims.getStringListClaim("groups")).containsExactly("ALAC", "GAC");
        assertThat(claims.getIssueTime()).isBeforeOrEqualTo(new Date());
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant())).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void otherRolesCarryAnEmptyGroupList() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(LocalJwtKeys.loadOrCreate(dir).token("support-staff", List.of())).getJWTClaimsSet();

        assertThat(claims.getStringListClaim("roles")).containsExactly("support-staff");
        assertThat(claims.getStringListClaim("groups")).isEmpty();
    }

    @Test
    void aNamedPersonIsTheSubject() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(LocalJwtKeys.loadOrCreate(dir).token("Alice ALAC", "group-editor", List.of("ALAC")))
                .getJWTClaimsSet();

        assertThat(claims.getSubject()).isEqualTo("Alice ALAC");
        assertThat(claims.getStringListClaim("groups")).containsExactly("ALAC");
    }

    @Test
    void loadReadsTheLaunchersKeyAndNeverMakesOne() throws Exception {
        assertThatThrownBy(() -> LocalJwtKeys.load(dir)).hasMessageContaining("Cannot read the local signing key");
        assertThat(dir.resolve("private-key.pem")).doesNotExist();

        String made = Files.readString(LocalJwtKeys.loadOrCreate(dir).publicKeyFile());
        String token = LocalJwtKeys.load(dir).token("Sam Support", "support-staff", List.of());

        assertThat(SignedJWT.parse(token).verify(new RSASSAVerifier(LocalJwtKeys.readPublicKey(dir.resolve("public.pem"))))).isTrue();
        assertThat(Files.readString(dir.resolve("public.pem"))).isEqualTo(made);
    }

    @Test
    void refusesUnknownRolesAndGroupEditorsWithoutGroups() {
        LocalJwtKeys keys = LocalJwtKeys.loadOrCreate(dir);

        assertThatThrownBy(() -> keys.token("root", List.of())).hasMessageContaining("Unknown role");
        assertThatThrownBy(() -> keys.token("group-editor", List.of())).hasMessageContaining("groups");
        assertThatThrownBy(() -> keys.token("admin", List.of("ALAC"))).hasMessageContaining("Only group-editor");
    }
}
