package org.ws2.web.signin;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalTokensTest {

    @TempDir
    Path keyDir;

    @Test
    void issuesATokenSignedByTheLocalKeyWithTheClaimsTheServicesRead() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        // the PEM layout local-stack's LocalJwtKeys writes
        Files.writeString(keyDir.resolve("private-key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");

        String token = new LocalTokens(keyDir).issue("Alice ALAC", "group-editor", List.of("ALAC"));

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) pair.getPublic()))).isTrue();
        SignedInUser user = SignedInUser.fromToken(token).orElseThrow();
        assertThat(user.subject()).isEqualTo("Alice ALAC");
        assertThat(user.roles()).containsExactly("group-editor");
        assertThat(user.groups()).containsExactly("ALAC");
        assertThat(user.local()).isTrue();
        assertThat(user.editorOf("ALAC")).isTrue();
        assertThat(user.editorOf("GAC")).isFalse();
        assertThat(user.support()).isFalse();

        assertThatThrownBy(() -> new LocalTokens(keyDir).issue("x", "group-editor", List.of()))
                .hasMessageContaining("at least one group");
        assertThatThrownBy(() -> new LocalTokens(keyDir).issue("x", "root", List.of())).hasMessageContaining("roles");
    }

    @Test
    void somethingThatIsNotATokenSignsNobodyIn() {
        assertThat(SignedInUser.fromToken("not-a-token")).isEmpty();
    }
}
