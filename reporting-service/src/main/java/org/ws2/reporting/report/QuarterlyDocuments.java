package org.ws2.reporting.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.ws2.reporting.report.ReportModels.MatrixRow;
import org.ws2.reporting.report.ReportModels.Quarterly;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The quarterly report as a document: a printable, self-contained web page and Markdown (Thymeleaf
 * templates in {@code templates/}), a PDF rendered from that same page (openhtmltopdf), and CSV
 * with one row per recommendation × group. See docs/adr/0017-report-formats.md.
 */
@Component
public class QuarterlyDocuments {

    private final SpringTemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final SpringTemplateEngine text = engine(TemplateMode.TEXT, ".md");

    private static SpringTemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    /** @param programme null for WS2's report, else the other programme's code, which it names where WS2's says WS2 */
    String html(Quarterly report, String programme) {
        return html.process("quarterly", context(report, programme));
    }

    String markdown(Quarterly report, String programme) {
        return text.process("quarterly", context(report, programme));
    }

    byte[] pdf(Quarterly report, String programme) {
        return pdf(html(report, programme));
    }

    /** The page of {@code templates/<template>.html}, its variables {@code variables}. */
    public String html(String template, Map<String, Object> variables) {
        return html.process(template, new Context(Locale.ENGLISH, variables));
    }

    /** The Markdown of {@code templates/<template>.md}, its variables {@code variables}. */
    public String markdown(String template, Map<String, Object> variables) {
        return text.process(template, new Context(Locale.ENGLISH, variables));
    }

    /** A self-contained page (styles inline, no outside resources) printed as PDF. */
    public byte[] pdf(String page) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(page, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the quarterly report as PDF", e);
        }
        return out.toByteArray();
    }

    /** "For" says whom a share is for (issue 21): "Handed to RySG, RrSG", "The community as a whole", or empty. */
    static final List<String> CSV_HEADER = List.of("Recommendation", "Title", "Topic", "Group", "Group kind", "For",
            "Triage", "Priority", "Effort", "Urgency", "Priority draft", "Progress");

    byte[] csv(Quarterly report) {
        StringBuilder out = new StringBuilder();
        row(out, CSV_HEADER);
        for (MatrixRow r : report.matrix()) {
            // people open it in a spreadsheet: the values in their words, as the other formats print them
            row(out, Stream.of(r.recommendationId(), r.title(), r.topic(), r.groupName(), Words.of(r.groupKind()),
                    r.forWhom(), Words.of(r.triage()), Words.of(r.priority()), Words.of(r.effort()),
                    Words.of(r.urgency()), r.priorityDraft() ? "Yes" : "No", Words.of(r.progress()))
                    .map(v -> v == null ? "" : v).toList());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 4180: quote when needed; a cell a spreadsheet would run as a formula gets a leading '. */
    private static void row(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(QuarterlyDocuments::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String cell(String value) {
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static Context context(Quarterly report, String programme) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("r", report);
        context.setVariable("programme", programme);
        context.setVariable("words", Words.TEMPLATES);
        return context;
    }
}
