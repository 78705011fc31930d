package org.ws2.reporting.edition;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.sl.usermodel.TextShape.TextAutofit;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFSlideMaster;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.ws2.reporting.edition.EditionOutline.Item;
import org.ws2.reporting.edition.EditionOutline.Section;

/**
 * The edition as a slide deck (PowerPoint Open XML, which LibreOffice reads too), drawn with Apache POI from the
 * default master's own layouts: a title slide, then one slide per section as the update has them. A section
 * longer than a slide holds goes on over "(continued)" slides rather than running off the page.
 * See docs/adr/0032-slide-decks-with-apache-poi.md.
 */
final class EditionDeck {

    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    /** What fits on a 16:9 slide at a readable size; the text also shrinks to fit when a viewer supports it. */
    private static final int ITEMS_PER_SLIDE = 10;

    private EditionDeck() {
    }

    static byte[] of(EditionContent content) {
        EditionOutline outline = EditionOutline.of(content);
        try (XMLSlideShow deck = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            deck.setPageSize(new Dimension(960, 540));
            XSLFSlideMaster master = deck.getSlideMasters().get(0);
            // "Title only", not the centred title layout: readers (and POI's getTitle) find a slide's title by it
            XSLFSlide title = deck.createSlide(master.getLayout(SlideLayout.TITLE_ONLY));
            title.getPlaceholder(0).setText(outline.title());
            XSLFTextBox subtitle = title.createTextBox();
            subtitle.setAnchor(new Rectangle2D.Double(60, 300, 840, 150));
            subtitle.setText(outline.subtitle()).setFontSize(20.0);
            XSLFSlideLayout layout = master.getLayout(SlideLayout.TITLE_AND_CONTENT);
            for (Section section : outline.sections()) {
                List<Item> items = section.items().isEmpty() ? List.of(Item.of("None.")) : section.items();
                for (int from = 0; from < items.size(); from += ITEMS_PER_SLIDE) {
                    XSLFSlide slide = deck.createSlide(layout);
                    slide.getPlaceholder(0).setText(from == 0 ? section.title() : section.title() + " (continued)");
                    body(slide.getPlaceholder(1), items.subList(from, Math.min(items.size(), from + ITEMS_PER_SLIDE)));
                }
            }
            deck.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the edition as a slide deck", e);
        }
    }

    private static void body(XSLFTextShape body, List<Item> items) {
        body.clearText();
        body.setTextAutofit(TextAutofit.NORMAL);
        for (Item item : items) {
            XSLFTextParagraph p = body.addNewTextParagraph();
            XSLFTextRun run = p.addNewTextRun();
            run.setText(item.text());
            run.setFontSize(18.0);
            if (item.url() != null) {
                run.createHyperlink().setAddress(item.url());
            }
            for (String note : item.notes()) {
                XSLFTextParagraph sub = body.addNewTextParagraph();
                sub.setIndentLevel(1);
                XSLFTextRun r = sub.addNewTextRun();
                r.setText(note);
                r.setFontSize(16.0);
                r.setItalic(true);
            }
        }
    }
}
