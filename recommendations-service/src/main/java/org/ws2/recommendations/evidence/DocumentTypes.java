package org.ws2.recommendations.evidence;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.http.HttpStatus;
import org.ws2.service.problem.ApiProblem;

/**
 * The kinds of document accepted as evidence, and a check that a file's bytes are what its declared
 * type says: a renamed executable or a mislabelled file is refused before it is stored.
 */
final class DocumentTypes {

    private static final byte[] PDF = { '%', 'P', 'D', 'F', '-' };
    private static final byte[] ZIP = { 'P', 'K', 3, 4 };
    private static final byte[] OLE = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G' };
    private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

    private static final Map<String, Predicate<byte[]>> ACCEPTED = Map.ofEntries(
            Map.entry("application/pdf", startsWith(PDF)),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", startsWith(ZIP)),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", startsWith(ZIP)),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", startsWith(ZIP)),
            Map.entry("application/vnd.oasis.opendocument.text", startsWith(ZIP)),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", startsWith(ZIP)),
            Map.entry("application/msword", startsWith(OLE)),
            Map.entry("application/vnd.ms-excel", startsWith(OLE)),
            Map.entry("application/vnd.ms-powerpoint", startsWith(OLE)),
            Map.entry("image/png", startsWith(PNG)),
            Map.entry("image/jpeg", startsWith(JPEG)),
            Map.entry("text/plain", DocumentTypes::isText),
            Map.entry("text/csv", DocumentTypes::isText));

    /** The accepted type of {@code content}, which must be the declared one; a problem otherwise. */
    static String check(String declaredType, byte[] content) {
        String type = declaredType == null ? "" : declaredType.split(";")[0].trim().toLowerCase();
        Predicate<byte[]> matches = ACCEPTED.get(type);
        if (matches == null) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-document", "Unsupported document type",
                    "Evidence documents may be PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, plain text or "
                            + "CSV; got '" + declaredType + "'.").with("field", "file").with("accepted", ACCEPTED.keySet());
        }
        if (content.length == 0 || !matches.test(content)) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "document-content-mismatch",
                    "Document content does not match its type",
                    "The file's content is not " + type + ", as its declared type says.").with("field", "file");
        }
        return type;
    }

    private static Predicate<byte[]> startsWith(byte[] magic) {
        return content -> content.length >= magic.length
                && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
    }

    private static boolean isText(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private DocumentTypes() {
    }
}
