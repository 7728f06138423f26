package org.separata.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.separata.model.Affiliation;
import org.separata.model.Contributor;
import org.separata.model.Inline;
import org.separata.model.Orcid;
import org.separata.model.PersonName;
import org.separata.model.RichText;
import org.separata.read.XmlNode.Element;

/**
 * The people of a JATS article: {@code contrib-group}s, {@code aff}/{@code aff-alternatives} and
 * {@code author-notes}. Who is an author: a {@code contrib} whose type is author (or not given).
 * Editors, translators and reviewers keep their roles; members of a group author listed outside
 * the byline ({@code collab/contrib-group}, or {@code contrib-type="author non-byline"}) become
 * {@link Contributor.Role#MEMBER}s; {@code on-behalf-of} is a note on its contributor.
 */
final class Authors {

    private final JatsContext ctx;
    private final JatsText text;
    private final String language;
    private final Map<String, Affiliation> affiliations = new LinkedHashMap<>();
    private final Map<String, Element> affElements = new LinkedHashMap<>();
    private final Map<String, String> affEmails = new LinkedHashMap<>();
    private final Map<String, RichText> notes = new LinkedHashMap<>();
    private final Map<String, Element> noteElements = new LinkedHashMap<>();
    private final Set<String> notesOnContributors = new LinkedHashSet<>();
    private final List<Contributor> contributors = new ArrayList<>();
    private final Set<String> usedAffiliations = new LinkedHashSet<>();
    private int generatedIds;

    Authors(JatsContext ctx, JatsText text, String language) {
        this.ctx = ctx;
        this.text = text;
        this.language = language;
    }

    List<Contributor> contributors() {
        return contributors;
    }

    List<Affiliation> affiliations() {
        return List.copyOf(affiliations.values());
    }

    /** The author notes no single contributor points at: correspondence, conflicts, and the like. */
    List<RichText> notes() {
        List<RichText> out = new ArrayList<>();
        notes.forEach((id, n) -> {
            if (!notesOnContributors.contains(id)) {
                ctx.index("author-notes[" + out.size() + "]", noteElements.get(id));
                out.add(n);
            }
        });
        return out;
    }

    void read(Element am) {
        List<Element> groups = am.all("contrib-group");
        List<Element> affHolders = new ArrayList<>(List.of(am));
        affHolders.addAll(groups);
        for (Element holder : affHolders) {
            for (Element a : holder.all("aff", "aff-alternatives")) {
                affiliation(a);
            }
        }
        am.first("author-notes").ifPresent(this::authorNotes);
        Optional<String> onlyGroup = groups.stream().flatMap(g -> g.all("contrib").stream())
                .flatMap(c -> c.all("collab").stream()).map(c -> collabName(c)).flatMap(Optional::stream)
                .reduce((x, y) -> "");
        for (Element group : groups) {
            groupType = group.attr("content-type").map(t -> t.toLowerCase(Locale.ROOT).replaceAll("s$", ""));
            for (Element c : group.all("contrib")) {
                contributor(c, Optional.empty(), onlyGroup.filter(s -> !s.isEmpty()));
            }
            groupType = Optional.empty();
        }
        assignUnreferencedAffiliations();
        for (Map.Entry<String, Element> e : affElements.entrySet()) {
            if (!usedAffiliations.contains(e.getKey())) {
                ctx.warn(e.getValue(), "affiliations", "no contributor points at the affiliation '" + e.getKey()
                        + "'; it is not printed", "add <xref ref-type=\"aff\" rid=\"" + e.getKey()
                        + "\"/> to its authors");
            }
        }
        int i = 0;
        for (String id : affiliations.keySet()) {
            ctx.index("affiliations[" + i + "]", affElements.get(id));
            ctx.index("affiliations[" + i + "].institution", affElements.get(id));
            i++;
        }
    }

    // ---- affiliations -------------------------------------------------------------------------------

    private String affiliation(Element a) {
        String id = a.attr("id").orElseGet(() -> "aff-" + (++generatedIds));
        if (affiliations.containsKey(id)) {
            ctx.warn(a, "affiliations", "the affiliation id '" + id + "' is used twice; the second is left out",
                    "give each <aff> its own id");
            return id;
        }
        Affiliation aff;
        if (a.is("aff-alternatives")) {
            List<Element> versions = a.all("aff");
            if (versions.isEmpty()) {
                ctx.warn(a, "affiliations", "an empty <aff-alternatives> is left out", null);
                return id;
            }
            Element primary = versions.stream().filter(v -> v.attr("xml:lang")
                    .map(l -> JatsReader.sameLanguage(l, language)).orElse(false)).findFirst()
                    .orElse(versions.get(0));
            List<Affiliation> others = new ArrayList<>();
            for (Element v : versions) {
                if (v != primary) {
                    others.add(single(v, id, List.of()));
                }
            }
            aff = single(primary, id, others);
        } else {
            aff = single(a, id, List.of());
        }
        affiliations.put(id, aff);
        affElements.put(id, a);
        return id;
    }

    private Affiliation single(Element a, String id, List<Affiliation> alternatives) {
        Optional<String> label = a.first("label").flatMap(Element::cleanText);
        Optional<String> lang = a.attr("xml:lang").map(JatsReader::normalizeLanguage);
        a.first("email").flatMap(Element::cleanText).ifPresent(e -> affEmails.putIfAbsent(id, e));
        Optional<String> original = a.all("institution").stream()
                .filter(i -> i.attr("content-type").map("original"::equals).orElse(false))
                .findFirst().flatMap(Element::cleanText);
        List<String> institutions = new ArrayList<>();
        for (Element i : a.all("institution", "institution-wrap")) {
            if (i.attr("content-type").map("original"::equals).orElse(false)) {
                continue;
            }
            Element name = i.is("institution-wrap") ? i.first("institution").orElse(i) : i;
            name.cleanText().ifPresent(institutions::add);
        }
        if (a.hasOwnText()) {
            // The affiliation as printed, with markup in it: keep the whole text.
            String whole = text.rich(a, Set.of("label", "email")).plain().strip().replaceAll("^[,;\\s]+|[,;\\s]+$", "");
            return new Affiliation(id, label, List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                    a.first("country").flatMap(c -> c.attr("country")), Optional.of(whole), lang, alternatives);
        }
        List<String> address = new ArrayList<>();
        Optional<String> city = Optional.empty();
        for (Element line : a.all("addr-line", "city", "state", "postal-code")) {
            if (line.is("addr-line") && !line.elements().isEmpty() && !line.hasOwnText()) {
                for (Element part : line.elements()) {
                    part.cleanText().ifPresent(address::add);
                    if (isCity(part)) {
                        city = city.or(part::cleanText);
                    }
                }
            } else {
                line.cleanText().ifPresent(address::add);
                if (isCity(line)) {
                    city = city.or(line::cleanText);
                }
            }
        }
        Optional<Element> country = a.first("country");
        return new Affiliation(id, label, institutions,
                address.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", address)), city,
                country.flatMap(Element::cleanText), country.flatMap(c -> c.attr("country")),
                original, lang, alternatives);
    }

    private static boolean isCity(Element e) {
        return e.is("city") || e.attr("content-type").map("city"::equals).orElse(false);
    }

    /** A JATS convention: affiliations no xref points at belong to every author, when none has one. */
    private void assignUnreferencedAffiliations() {
        if (!usedAffiliations.isEmpty() || affiliations.isEmpty()) {
            return;
        }
        List<String> all = affiliations.keySet().stream().filter(id -> !id.startsWith("contrib-aff-")).toList();
        for (int i = 0; i < contributors.size(); i++) {
            Contributor c = contributors.get(i);
            if (c.role() == Contributor.Role.AUTHOR && c.affiliationIds().isEmpty()) {
                contributors.set(i, new Contributor(c.role(), c.name(), c.groupName(), c.alternativeNames(),
                        c.degrees(), all, c.address(), c.country(), c.email(), c.orcid(), c.bio(),
                        c.corresponding(), c.notes()));
                usedAffiliations.addAll(all);
            }
        }
    }

    // ---- author notes -------------------------------------------------------------------------------

    private void authorNotes(Element an) {
        int n = 0;
        for (Element e : an.elements()) {
            if (!e.is("corresp") && !e.is("fn") && !e.is("p")) {
                continue;
            }
            String id = e.attr("id").orElse("#note-" + (n++));
            RichText body = e.is("fn") ? JatsReader.joined(JatsText.paragraphs(text.blocks(e)))
                    : text.rich(e, Set.of("label"));
            Optional<String> label = e.first("label").flatMap(Element::cleanText);
            RichText t = label.map(l -> labelled(l, body)).orElse(body);
            if (!t.isBlank()) {
                notes.put(id, t);
                noteElements.put(id, e);
            }
        }
    }

    /** A note's label: a mark ("*", "a", "†") is raised; a word ("Correspondence") is run in. */
    private static RichText labelled(String label, RichText body) {
        List<Inline> out = new ArrayList<>();
        if (label.length() <= 3) {
            out.add(new Inline.Styled(Inline.Style.SUPERSCRIPT, List.of(new Inline.Text(label))));
            out.add(new Inline.Text(" "));
        } else {
            out.add(new Inline.Text(label + (body.plain().matches("^[:.,;].*") ? "" : " ")));
        }
        out.addAll(body.inlines());
        return new RichText(out);
    }

    // ---- contributors -------------------------------------------------------------------------------

    private static Optional<String> collabName(Element collab) {
        List<Inline> out = new ArrayList<>();
        for (XmlNode n : collab.children()) {
            if (n instanceof XmlNode.Text t) {
                out.add(new Inline.Text(t.value()));
            } else if (n instanceof Element e && !e.is("contrib-group") && !e.is("xref") && !e.is("address")
                    && !e.is("email") && !e.is("aff")) {
                out.add(new Inline.Text(e.text()));
            }
        }
        String s = JatsText.normalize(out).plain();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** contrib-types that name a person without saying their role. */
    private static final Set<String> PERSON = Set.of("person", "individual", "contributor", "contrib", "people",
            "persona", "pessoa", "personne", "");

    /** contrib-types that mean author, in the languages platforms use. */
    private static final Set<String> AUTHOR = Set.of("author", "authors", "autor", "autora", "autores", "auteur",
            "auteure", "auteurs", "autore", "autrice", "coauthor", "co-author", "corresp", "corresponding",
            "автор", "creator");

    /** The role a contrib-group gives its members ({@code content-type="author"}), if it says one. */
    private Optional<String> groupType = Optional.empty();

    private void contributor(Element c, Optional<String> memberOf, Optional<String> onlyGroup) {
        String type = c.attr("contrib-type").orElse("author").toLowerCase(Locale.ROOT).strip();
        // contrib-type="person" (Érudit) and other words that only say "a person": the group says the role
        if (PERSON.contains(type)) {
            type = groupType.orElse("author");
        }
        Contributor.Role role;
        if (memberOf.isPresent() || type.contains("non-byline")) {
            role = Contributor.Role.MEMBER;
        } else if (AUTHOR.contains(type) || type.startsWith("author ") || type.endsWith("-author")
                || type.endsWith(" author")) {
            role = Contributor.Role.AUTHOR;
        } else if (type.contains("editor")) {
            role = Contributor.Role.EDITOR;
        } else if (type.contains("translator")) {
            role = Contributor.Role.TRANSLATOR;
        } else if (type.contains("review")) {
            role = Contributor.Role.REVIEWER;
        } else {
            role = Contributor.Role.OTHER;
        }
        String path = "authors[" + contributors.size() + "]";

        Optional<PersonName> name = Optional.empty();
        List<PersonName> alternatives = new ArrayList<>();
        Optional<Element> alt = c.first("name-alternatives");
        if (alt.isPresent()) {
            List<Element> forms = alt.get().all("name", "string-name");
            Element primary = forms.stream().filter(f -> f.attr("xml:lang")
                    .map(l -> JatsReader.sameLanguage(l, language)).orElse(false)).findFirst()
                    .orElse(forms.isEmpty() ? null : forms.get(0));
            if (primary != null) {
                name = JatsReader.personName(primary, Optional.empty());
                indexName(path, primary);
            }
            for (Element f : forms) {
                if (f != primary) {
                    Optional<PersonName> pn = JatsReader.personName(f,
                            f.attr("xml:lang").map(JatsReader::normalizeLanguage));
                    if (pn.isPresent()) {
                        indexName(path + ".names[" + alternatives.size() + "]", f);
                        alternatives.add(pn.get());
                    }
                }
            }
        }
        if (name.isEmpty()) {
            Optional<Element> n = c.first("name").or(() -> c.first("string-name"));
            name = n.flatMap(x -> JatsReader.personName(x, Optional.empty()));
            n.ifPresent(x -> indexName(path, x));
        }
        Optional<Element> collab = c.first("collab").or(() -> c.path("collab-alternatives", "collab"));
        Optional<String> group = collab.flatMap(Authors::collabName);
        collab.ifPresent(x -> ctx.index(path + ".group", x));
        if (name.isEmpty() && group.isEmpty() && c.first("anonymous").isPresent()) {
            group = Optional.of("Anonymous");
        }
        if (name.isEmpty() && group.isEmpty()) {
            ctx.warn(c, path, "a <contrib> without <name>, <string-name> or <collab> is left out",
                    "give it a name");
            return;
        }
        if (role == Contributor.Role.MEMBER && name.isPresent()) {
            group = memberOf.or(() -> onlyGroup);
        }

        List<String> degrees = c.all("degrees").stream().map(Element::cleanText).flatMap(Optional::stream).toList();
        c.first("degrees").ifPresent(d -> ctx.index(path + ".degrees", d));
        List<String> affIds = new ArrayList<>();
        boolean corresponding = c.attr("corresp").map("yes"::equals).orElse(false);
        List<RichText> contributorNotes = new ArrayList<>();
        for (Element x : c.all("xref")) {
            String refType = x.attr("ref-type").orElse("");
            for (String rid : x.attr("rid").orElse("").split("\\s+")) {
                if (rid.isEmpty()) {
                    continue;
                }
                switch (refType) {
                    case "aff" -> {
                        if (affiliations.containsKey(rid)) {
                            if (!affIds.contains(rid)) {
                                affIds.add(rid);
                            }
                            usedAffiliations.add(rid);
                        } else {
                            ctx.warn(x, path + ".affiliations", "no affiliation has the id '" + rid + "'",
                                    "use the id of an <aff>: " + String.join(", ", affiliations.keySet()));
                        }
                    }
                    case "corresp" -> corresponding = true;
                    case "fn", "author-notes", "other" -> {
                        if (notes.containsKey(rid)) {
                            if (!noteElements.get(rid).is("corresp")) {
                                contributorNotes.add(notes.get(rid));
                                notesOnContributors.add(rid);
                            } else {
                                corresponding = true;
                            }
                        }
                    }
                    default -> {
                        // cross references to figures, tables or references: nothing to carry
                    }
                }
            }
        }
        for (Element a : c.all("aff", "aff-alternatives")) {
            String id = affiliation(a.attr("id").isPresent() ? a
                    : new Element(a.name(), withId(a, "contrib-aff-" + (++generatedIds)), a.children(), a.line(),
                    a.column()));
            affIds.add(id);
            usedAffiliations.add(id);
        }
        Optional<String> email = c.first("email").or(() -> c.path("address", "email")).flatMap(Element::cleanText);
        c.first("email").or(() -> c.path("address", "email")).ifPresent(e -> ctx.index(path + ".email", e));
        Optional<String> address = c.first("address").flatMap(a -> {
            ctx.index(path + ".address", a);
            List<String> parts = new ArrayList<>();
            for (Element p : a.elements()) {
                if (!p.is("email") && !p.is("country") && !p.is("uri") && !p.is("phone") && !p.is("fax")) {
                    p.cleanText().ifPresent(parts::add);
                }
            }
            return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
        });
        Optional<String> country = c.path("address", "country").flatMap(Element::cleanText);
        Optional<Orcid> orcid = Optional.empty();
        for (Element id : c.all("contrib-id")) {
            boolean isOrcid = id.attr("contrib-id-type").map("orcid"::equalsIgnoreCase)
                    .orElse(id.text().contains("orcid.org"));
            if (isOrcid && orcid.isEmpty()) {
                ctx.index(path + ".orcid", id);
                orcid = JatsReader.orcid(ctx, id, path + ".orcid");
            }
        }
        Optional<RichText> bio = c.first("bio").map(b -> JatsReader.joined(JatsText.paragraphs(text.blocks(b))))
                .filter(b -> !b.isBlank());
        c.first("bio").ifPresent(b -> ctx.index(path + ".bio", b));
        List<String> roles = c.all("role").stream().map(Element::cleanText).flatMap(Optional::stream).toList();
        if (!roles.isEmpty()) {
            contributorNotes.add(RichText.of(String.join("; ", roles)));
        }
        for (Element o : c.all("on-behalf-of", "author-comment")) {
            RichText t = o.is("on-behalf-of") ? text.rich(o) : JatsReader.joined(JatsText.paragraphs(text.blocks(o)));
            if (!t.isBlank()) {
                contributorNotes.add(t);
            }
        }
        for (int i = 0; i < contributorNotes.size(); i++) {
            ctx.index(path + ".notes[" + i + "]", c);
        }
        ctx.index(path, c);
        if (role == Contributor.Role.OTHER) {
            String who = name.map(PersonName::display).orElse(group.orElse(""));
            ctx.warn(c, path, "the contributor " + who + " (contrib-type=\"" + c.attr("contrib-type").orElse("")
                    + "\") is neither an author, an editor nor a translator, and is not printed",
                    "use contrib-type=\"author\" for an author of the article");
        }
        contributors.add(new Contributor(role, name, group, alternatives, degrees, affIds, address, country,
                email, orcid, bio, corresponding, contributorNotes));
        if (email.isEmpty() && affIds.size() >= 1) {
            fillEmailFromAffiliation(contributors.size() - 1);
        }

        // Members of a group author listed with it, outside the byline.
        for (Element cl : c.all("collab")) {
            for (Element mg : cl.all("contrib-group")) {
                for (Element m : mg.all("contrib")) {
                    contributor(m, group, onlyGroup);
                }
            }
        }
    }

    private static Map<String, String> withId(Element a, String id) {
        Map<String, String> attrs = new LinkedHashMap<>(a.attributes());
        attrs.put("id", id);
        return attrs;
    }

    /** SciELO puts an author's e-mail in the affiliation: it belongs to the one author who has it. */
    private void fillEmailFromAffiliation(int index) {
        Contributor c = contributors.get(index);
        for (String id : c.affiliationIds()) {
            String email = affEmails.get(id);
            if (email != null) {
                contributors.set(index, new Contributor(c.role(), c.name(), c.groupName(), c.alternativeNames(),
                        c.degrees(), c.affiliationIds(), c.address(), c.country(), Optional.of(email), c.orcid(),
                        c.bio(), c.corresponding(), c.notes()));
                affEmails.remove(id);
                return;
            }
        }
    }

    private void indexName(String path, Element n) {
        n.first("surname").ifPresent(s -> ctx.index(path + ".surname", s));
        n.first("given-names").ifPresent(s -> ctx.index(path + ".given-names", s));
        n.first("prefix").ifPresent(s -> ctx.index(path + ".prefix", s));
        n.first("suffix").ifPresent(s -> ctx.index(path + ".suffix", s));
        if (n.is("string-name")) {
            ctx.index(path + ".surname", n);
        }
    }
}
