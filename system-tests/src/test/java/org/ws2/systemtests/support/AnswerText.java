package org.ws2.systemtests.support;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text a reader gets from an answer, whatever its format, so that a plain search of it finds a marker. */
public final class AnswerText {

    private AnswerText() {
    }

    /** The text of an answer: a PDF's extracted text (its streams are compressed), else the body as UTF-8. */
    public static String of(HttpResponse<byte[]> response) throws IOException {
        byte[] body = response.body();
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf")) {
            try (PDDocument pdf = Loader.loadPDF(body)) {
                return new PDFTextStripper().getText(pdf);
            }
        }
        return new String(body, StandardCharsets.UTF_8);
    }
}
