package org.ws2.systemtests.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The few lines of MIME reading the email journeys rely on, on the shape the notifications service sends. */
class MailboxTest {

    private static final String QUOTED_PRINTABLE = """
            Content-Type: multipart/mixed;\s
            \tboundary="----=_Part_1"

            ------=_Part_1
            Content-Type: multipart/related;\s
            \tboundary="----=_Part_2"

            ------=_Part_2
            Content-Type: text/plain; charset=UTF-8
            Content-Transfer-Encoding: quoted-printable

            Recommendation 1.4 (Accountability =E2=80=93 SO/AC) moved from Not started =
            to Planning

            --\s
            WS2 Implementation Tracker. Change what you receive: http://localhost:19080/settings/notifications
            Unsubscribe from these emails: http://localhost:19080/unsubscribe?token=3Dab=
            c.d_e
            ------=_Part_2
            Content-Type: text/html; charset=UTF-8

            <p>html</p>
            ------=_Part_2--
            """;

    @Test
    void theTextPartIsDecodedAndItsLinksFound() {
        String text = Mailbox.plainText(QUOTED_PRINTABLE);
        assertThat(text).contains("(Accountability – SO/AC) moved from Not started to Planning").doesNotContain("html");
        Mailbox.Email email = new Mailbox.Email("[WS2] Daily digest", text, "");
        // the links after the signature's "-- " line too
        assertThat(email.links()).containsExactly("http://localhost:19080/settings/notifications",
                "http://localhost:19080/unsubscribe?token=abc.d_e");
        assertThat(email.link("/unsubscribe")).endsWith("token=abc.d_e");
    }

    @Test
    void base64AndSevenBitPartsAreRead() {
        String base64 = "--b\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n"
                + java.util.Base64.getMimeEncoder().encodeToString("Open it: http://localhost/x".getBytes()) + "\n--b--\n";
        assertThat(Mailbox.plainText(base64)).isEqualTo("Open it: http://localhost/x");
        assertThat(Mailbox.plainText("--b\nContent-Type: text/plain\nContent-Transfer-Encoding: 7bit\n\nplain\n--b--"))
                .isEqualTo("plain");
    }

    @Test
    void theOneClickUrlIsTakenFromTheHeaders() {
        Mailbox.Email email = new Mailbox.Email("s", "", "Subject: s\nList-Unsubscribe: <http://localhost:19080/api/subscriptions/unsubscribe?token=a.b>\nList-Unsubscribe-Post: List-Unsubscribe=One-Click");
        assertThat(email.listUnsubscribe()).contains("http://localhost:19080/api/subscriptions/unsubscribe?token=a.b");
    }
}
