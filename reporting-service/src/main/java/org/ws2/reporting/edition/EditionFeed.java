package org.ws2.reporting.edition;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.ws2.contracts.recommendation.Programmes;
import org.ws2.reporting.edition.Editions.Published;
import org.ws2.reporting.report.Quarter;

/**
 * The published editions as an Atom 1.0 feed (RFC 4287), so that any feed reader follows the updates: one entry
 * per published revision, newest first, so that a correction reaches readers as a new entry. Links go to the
 * public pages ({@code <public base URL>/reports/{quarter}}, with {@code ?programme=} for another programme's),
 * never to this service. Every programme's editions are in it, another programme's naming it in their titles;
 * a reader may follow one programme's only ({@code ?programme=}).
 */
final class EditionFeed {

    static final String ATOM = "application/atom+xml";
    private static final String NS = "http://www.w3.org/2005/Atom";

    private EditionFeed() {
    }

    /** @param followed the one programme followed, or null for every programme's */
    static String of(String baseUrl, String followed, List<Published> entries) {
        String self = baseUrl + "/reports/editions.atom" + (followed == null ? "" : "?programme=" + followed);
        Instant updated = entries.isEmpty() ? Instant.EPOCH : entries.get(0).publishedAt();
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NS);
            element(xml, "id", self);
            element(xml, "title", followed == null || Programmes.WS2.equals(followed)
                    ? "Implementing Work Stream 2 Recommendations – quarterly updates"
                    : "Implementing " + followed + " Recommendations – quarterly updates");
            element(xml, "updated", updated.toString());
            link(xml, "self", self, ATOM);
            link(xml, "alternate", baseUrl + "/reports", "text/html");
            xml.writeStartElement("author");
            element(xml, "name", "WS2 Implementation Team");
            xml.writeEndElement();
            for (Published p : entries) {
                String label = Quarter.parse(p.quarter()).label();
                boolean ws2 = Programmes.WS2.equals(p.programme());
                String page = baseUrl + "/reports/" + p.quarter() + Editions.programmeQuery(p.programme());
                String ofRevision = page + (ws2 ? "?" : "&") + "revision=" + p.revision();
                // WS2's entries read as before programmes; another programme's name it
                String update = (ws2 ? "WS2" : p.programme()) + " implementation update, " + label;
                xml.writeStartElement("entry");
                // one id per revision: a correction is news of its own; the page of an older one stays readable
                element(xml, "id", ofRevision);
                element(xml, "title", p.revision() == 1 ? update
                        : update + " – correction (revision " + p.revision() + ")");
                element(xml, "updated", p.publishedAt().toString());
                element(xml, "published", p.publishedAt().toString());
                link(xml, "alternate", p.revision() == 1 ? page : ofRevision, "text/html");
                element(xml, "summary", p.correctionNote() == null
                        ? "The " + (ws2 ? "WS2 implementation team" : p.programme()) + "'s update for " + label + "."
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
