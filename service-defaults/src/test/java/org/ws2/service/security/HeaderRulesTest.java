package org.ws2.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The loop answers as Spring Security's own header patterns do, for every character and for mixed strings. */
class HeaderRulesTest {

    @Test
    void everyCharacterAloneIsJudgedAsByTheDefaultPatterns() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String one = String.valueOf((char) c);
            assertThat(HeaderRules.allowedName(one)).as("name U+%04X", c).isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(one));
            assertThat(HeaderRules.allowedValue(one)).as("value U+%04X", c).isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(one));
        }
        for (int codePoint = 0x10000; codePoint <= 0x10FFFF; codePoint += 0x3F) {
            String one = Character.toString(codePoint);
            assertThat(HeaderRules.allowedName(one)).as("name U+%X", codePoint).isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(one));
            assertThat(HeaderRules.allowedValue(one)).as("value U+%X", codePoint).isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(one));
        }
    }

    @Test
    void mixedStringsAreJudgedAsByTheDefaultPatterns() {
        // printable ASCII, tabs, line breaks, a surrogate pair, lone surrogates, an unassigned and a C1 character
        char[] alphabet = { 'a', 'Z', '0', ' ', '=', '.', '\t', '\n', '\r', '\u0000', '\u007f', '\u0085', '\u00e9',
                '\ud83d', '\ude00', '\u0378', '\uffff' };
        Random random = new Random(23);
        List<String> samples = new ArrayList<>(List.of("", "Bearer abc.def", "a\tb", "caf\u00e9", "\ud83d\ude00 ok"));
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            samples.add(text.toString());
        }
        for (String sample : samples) {
            assertThat(HeaderRules.allowedName(sample)).as("name %s", sample.chars().boxed().toList())
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(sample));
            assertThat(HeaderRules.allowedValue(sample)).as("value %s", sample.chars().boxed().toList())
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(sample));
        }
    }
}
