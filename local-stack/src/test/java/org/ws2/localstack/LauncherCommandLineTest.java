package org.ws2.localstack;

import org.ws2.localsigning.LocalJwtKeys;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherCommandLineTest {

    @TempDir
    Path home;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return Launcher.run(args, () -> Settings.from(Map.of("WS2_HOME", home.toString(), "WS2_PORT_OFFSET", "0")),
                new PrintStream(out, true), new PrintStream(err, true));
    }

    @Test
    void tokenPrintsOnlyASignedTokenSoThatScriptsCanCaptureIt() throws Exception {
        assertThat(run("token", "group-editor", "ALAC", "GAC")).isZero();

        SignedJWT jwt = SignedJWT.parse(out.toString().trim());
        assertThat(jwt.verify(new RSASSAVerifier(LocalJwtKeys.readPublicKey(home.resolve("jwt/public.pem"))))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("groups")).containsExactly("ALAC", "GAC");
    }

    @Test
    void explainsMistakesWithoutAStackTrace() {
        assertThat(run("token", "group-editor")).isEqualTo(1);
        assertThat(err.toString()).startsWith("ws2: A group-editor token needs").doesNotContain("Exception");

        assertThat(run("stop", "database")).isEqualTo(1);
        assertThat(err.toString()).contains("Unknown component 'database'");

        assertThat(run("launch")).isEqualTo(2);
        assertThat(err.toString()).contains("usage: ws2 start");
    }

    @Test
    void statusAndStopWorkWhenNothingRuns() {
        assertThat(run("status")).isZero();
        assertThat(out.toString()).contains("gateway", "stopped", "http://localhost:8080");

        assertThat(run("stop")).isZero();
        assertThat(out.toString()).contains("Nothing was running.");
    }
}
