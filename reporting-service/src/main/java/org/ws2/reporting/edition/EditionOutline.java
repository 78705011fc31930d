package org.ws2.reporting.edition;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.ws2.reporting.edition.EditionContent.Portfolio;
import org.ws2.reporting.edition.EditionContent.SoacEntry;
import org.ws2.reporting.edition.Sections.MilestoneStatus;
import org.ws2.reporting.report.Quarter;
import org.ws2.reporting.report.ReportModels.OrgFocus;
import org.ws2.reporting.report.ReportModels.Quarterly;

/**
 * An edition as the update is laid out: a title, then its sections in the deck's order, each a list of items. Every
 * document format (page, Markdown, PDF, slides) is drawn from this one outline, so they cannot say different things.
 */
public record EditionOutline(String title, String subtitle, List<Section> sections) {

    /** One item; {@code url} when it links to material, {@code notes} the team's words beside a generated line. */
    public record Item(String text, String url, List<String> notes) {

        static Item of(String text) {
            return new Item(text, null, List.of());
        }
    }

    public record Section(String title, List<Item> items) {
    }

    /** The sections' titles, in order: what the deck has, one slide each. */
    static final List<String> SECTION_TITLES = List.of("Highlights", "Implementation status", "SO/AC work",
            "Community coordination & prioritization", "ICANN org", "Programme milestones", "Engagement",
            "Newly complete", "Asks to the community", "A.O.B.", "Contact");

    static EditionOutline of(EditionContent e) {
        Quarterly f = e.facts();
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("Highlights", texts(e.highlights())));
        sections.add(new Section("Implementation status", List.of(
                Item.of(portfolio("ICANN org portfolio", e.headline().org())),
                Item.of(portfolio("Community portfolio", e.headline().community())))));
        List<Item> soac = new ArrayList<>();
        for (SoacEntry line : e.soacWork()) {
            soac.add(new Item(line.sentence(), null, line.editorial()));
        }
        sections.add(new Section("SO/AC work", soac));
        List<Item> coordination = new ArrayList<>();
        f.coordinationRequired().forEach(flag -> coordination.add(
                Item.of("Requires community coordination & prioritization: " + flag.id() + " – " + flag.title())));
        f.coordinationWouldBenefit().forEach(flag -> coordination.add(
                Item.of("Would benefit from community coordination & prioritization: " + flag.id() + " – "
                        + flag.title())));
        f.coordinationSuggestions().forEach(s -> coordination.add(
                Item.of("Suggested for coordination: " + s.id() + " – " + s.title() + ": " + s.reason())));
        sections.add(new Section("Community coordination & prioritization", coordination));
        List<Item> org = new ArrayList<>();
        e.workstreams().forEach(w -> org.add(Item.of(w.name() + " – " + w.status())));
        OrgFocus focus = f.orgFocus();
        org.add(Item.of("Org portfolio: " + focus.planning() + " in implementation planning, " + focus.underway()
                + " implementation underway, " + focus.documenting() + " documenting implementation, "
                + focus.complete() + " complete, " + focus.notStarted() + " not started"));
        if (!focus.planningTargets().isEmpty()) {
            org.add(Item.of("Planning targets: " + focus.planningTargets().entrySet().stream()
                    .map(t -> t.getKey() + ": " + t.getValue()).collect(Collectors.joining("; "))));
        }
        if (!focus.functions().isEmpty()) {
            org.add(Item.of("Org functions with work this quarter: " + String.join(", ", focus.functions())));
        }
        sections.add(new Section("ICANN org", org));
        sections.add(new Section("Programme milestones", e.milestones().stream()
                .map(m -> Item.of(m.name() + " – Target: " + Quarter.parse(m.targetQuarter()).label() + " – "
                        + words(m.status()) + (m.late() ? " (late)" : "")))
                .toList()));
        List<Item> engagement = new ArrayList<>();
        f.engagements().forEach(en -> engagement.add(Item.of(en.listed(String.valueOf(en.heldOn())))));
        f.links().forEach(l -> engagement.add(new Item(l.engagement() + " – " + l.title(), l.url(), List.of())));
        sections.add(new Section("Engagement", engagement));
        List<Item> complete = new ArrayList<>();
        f.newlyComplete().forEach(r -> complete.add(Item.of(r.id() + " – " + r.title())));
        f.evidence().forEach(ev -> complete.add(new Item("Evidence for " + ev.recommendationId() + ": " + ev.title(),
                ev.url(), List.of())));
        sections.add(new Section("Newly complete", complete));
        sections.add(new Section("Asks to the community", texts(e.asks())));
        sections.add(new Section("A.O.B.", texts(e.aob())));
        sections.add(new Section("Contact", e.contact() == null ? List.of() : List.of(Item.of(e.contact()))));
        String subtitle = (e.programme() == null ? "WS2" : e.programme()) + " implementation update, " + e.label()
                + " · facts as of " + day(e)
                + (e.revision() == 0 ? " · draft"
                        : " · revision " + e.revision() + ", published "
                                + LocalDate.ofInstant(e.publishedAt(), ZoneOffset.UTC)
                                + (e.correctionNote() == null ? "" : " · correction: " + e.correctionNote()));
        return new EditionOutline("Implementing " + (e.programme() == null ? "Work Stream 2" : e.programme())
                + " Recommendations – " + e.label(), subtitle, sections);
    }

    private static String day(EditionContent e) {
        return LocalDate.ofInstant(e.asOf(), ZoneOffset.UTC).toString();
    }

    private static List<Item> texts(List<String> texts) {
        return texts.stream().map(Item::of).toList();
    }

    private static String portfolio(String name, Portfolio p) {
        return name + " (" + p.total() + "): " + p.notStarted() + " not started, " + p.inProgress() + " in progress, "
                + p.complete() + " complete";
    }

    private static String words(MilestoneStatus status) {
        return switch (status) {
            case NOT_STARTED -> "Not started";
            case IN_PROGRESS -> "In progress";
            case COMPLETE -> "Complete";
        };
    }
}
