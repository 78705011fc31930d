package org.ws2.reporting.edition;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.ws2.reporting.edition.Editions.Published;
import org.ws2.reporting.report.Quarter;

/**
 * The published editions as an Atom 1.0 feed (RFC 4287), so that any feed reader follows the updates: one entry
 * per published revision, newest first, so that a correction reaches readers as a new entry. Links go to the
 * public pages ({@code <public base URL>/reports/{quarter}}), never to this service.
 */
final class EditionFeed {

    static final String ATOM = "application/atom+xml";
    private static final String NS = "http://www.w3.org/2005/Atom";

    private EditionFeed() {
    }

    static String of(String baseUrl, List<Published> entries) {
        Instant updated = entries.isEmpty() ? Instant.EPOCH : entries.get(0).publishedAt();
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NS);
            element(xml, "id", baseUrl + "/reports/editions.atom");
            element(xml, "title", "Implementing Work Stream 2 Recommendations – quarterly updates");
            element(xml, "updated", updated.toString());
            link(xml, "self", baseUrl + "/reports/editions.atom", ATOM);
            link(xml, "alternate", baseUrl + "/reports", "text/html");
            xml.writeStartElement("author");
            element(xml, "name", "WS2 Implementation Team");
            xml.writeEndElement();
            for (Published p : entries) {
                String label = Quarter.parse(p.quarter()).label();
                String page = baseUrl + "/reports/" + p.quarter();
                xml.writeStartElement("entry");
                // one id per revision: a correction is news of its own; the page of an older one stays readable
                element(xml, "id", page + "?revision=" + p.revision());
                element(xml, "title", p.revision() == 1 ? "WS2 implementation update, " + label
                        : "WS2 implementation update, " + label + " – correction (revision " + p.revision() + ")");
                element(xml, "updated", p.publishedAt().toString());
                element(xml, "published", p.publishedAt().toString());
                link(xml, "alternate", p.revision() == 1 ? page : page + "?revision=" + p.revision(), "text/html");
                element(xml, "summary", p.correctionNote() == null
                        ? "The WS2 implementation team's update for " + label + "."
                        : "Corrected (" + p.publishedAt().toString().substring(0, 10) + "): " + p.correctionNote());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the editions feed", e);
        }
        return text.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }
}
