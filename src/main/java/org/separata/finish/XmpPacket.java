package org.separata.finish;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import javax.xml.transform.TransformerException;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAExtensionSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.schema.XMPRightsManagementSchema;
import org.apache.xmpbox.schema.XMPSchema;
import org.apache.xmpbox.type.ArrayProperty;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.type.Cardinality;
import org.apache.xmpbox.type.PDFAPropertyType;
import org.apache.xmpbox.type.PDFASchemaType;
import org.apache.xmpbox.type.TypeMapping;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Builds the XMP packet of a PDF with xmpbox: Dublin Core, PRISM, XMP rights, XMP basic, Adobe PDF,
 * for a tagged PDF the PDF/UA identification ({@code pdfuaid:part}), and, for PDF/A, the
 * identification and the extension schemas that declare PRISM and the PDF/UA identification
 * (PDF/A accepts only schemas it knows or that the packet itself describes). Every property is written from
 * {@link PdfMetadata}; each is listed below as "taken from … written to …". The Info dictionary is
 * written from the same values ({@link PdfFinisher}), so the two agree.
 */
final class XmpPacket {

    /** PRISM Basic: the namespace of PRISM 2.x (prism:doi and prism:url came in 2.1, in this namespace). */
    static final String PRISM_NS = "http://prismstandard.org/namespaces/basic/2.0/";
    static final String PRISM_PREFIX = "prism";

    /** The PRISM properties written, with their XMP value types, for the PDF/A extension schema. */
    private static final String[][] PRISM_PROPERTIES = {
        {"doi", "Text", "The Digital Object Identifier of the article"},
        {"url", "URL", "The URL at which the article can be found"},
        {"issn", "Text", "The ISSN of the print edition of the journal"},
        {"eIssn", "Text", "The ISSN of the electronic edition of the journal"},
        {"publicationName", "Text", "The title of the journal"},
        {"volume", "Text", "The volume of the journal"},
        {"number", "Text", "The issue number of the journal"},
        {"startingPage", "Text", "The first page of the article"},
        {"endingPage", "Text", "The last page of the article"},
        {"pageRange", "Text", "The pages of the article"},
        {"coverDate", "Date", "The date on the cover of the issue"},
    };

    /** The PDF/UA identification schema (ISO 14289-1, 5), with the one property written. */
    static final String PDFUA_NS = "http://www.aiim.org/pdfua/ns/id/";
    static final String PDFUA_PREFIX = "pdfuaid";
    private static final String[][] PDFUA_PROPERTIES = {
        {"part", "Integer", "Indicates which part of ISO 14289 the file conforms to"},
    };

    static final String CREATOR_TOOL = "Separata";
    static final String PRODUCER = "Separata (Flying Saucer, OpenPDF, PDFBox)";

    private XmpPacket() {
    }

    /** The serialized packet of an untagged PDF (UTF-8), the same bytes for the same metadata and standard. */
    static byte[] build(PdfMetadata m, PdfStandard standard) {
        return build(m, standard, false);
    }

    /**
     * The serialized packet (UTF-8), the same bytes for the same metadata and standard; a
     * {@code tagged} PDF claims PDF/UA-1 ({@code pdfuaid:part} 1).
     */
    static byte[] build(PdfMetadata m, PdfStandard standard, boolean tagged) {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        dublinCore(xmp, m);
        Optional<XMPSchema> prism = prism(xmp, m);
        rights(xmp, m);
        basic(xmp, m);
        Optional<XMPSchema> ua = tagged ? Optional.of(accessibility(xmp)) : Optional.empty();
        if (standard.isPdfA()) {
            identification(xmp, standard);
            if (prism.isPresent() || ua.isPresent()) {
                PDFAExtensionSchema ext = xmp.createAndAddPDFAExtensionSchemaWithDefaultNS();
                ArrayProperty schemas = ext.createArrayProperty(PDFAExtensionSchema.SCHEMAS, Cardinality.Bag);
                prism.ifPresent(p -> schemas.addProperty(declare(xmp, ext, p, "PRISM Basic Metadata",
                        PRISM_PROPERTIES, "external")));
                ua.ifPresent(p -> schemas.addProperty(declare(xmp, ext, p, "PDF/UA Universal Accessibility Schema",
                        PDFUA_PROPERTIES, "internal")));
                ext.addProperty(schemas);
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            new XmpSerializer().serialize(xmp, out, true);
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialize the XMP packet", e);
        }
    }

    private static void dublinCore(XMPMetadata xmp, PdfMetadata m) {
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        // dc:format: taken from nothing (always a PDF); written to dc:format.
        dc.setFormat("application/pdf");
        // dc:title: taken from the titles, each with its subtitle (manifest titles[]; the main one is
        // in the article's language); written to dc:title as a language alternative: x-default is
        // the main title (= Info /Title), then one entry per language with its xml:lang.
        dc.setTitle(m.title());
        for (PdfMetadata.LangText t : m.titles()) {
            dc.addTitle(t.lang(), t.text());
        }
        // dc:creator: taken from the authors' names in byline order (manifest authors[]); written
        // to dc:creator, an ordered sequence (and joined by ", " to Info /Author).
        m.creators().forEach(dc::addCreator);
        // dc:description: taken from the abstracts, one per language (manifest abstracts[]);
        // written to dc:description: x-default is the abstract in the article's language (= Info
        // /Subject), or the how-to-cite line when the article has no abstract.
        dc.setDescription(m.description());
        for (PdfMetadata.LangText a : m.abstracts()) {
            dc.addDescription(a.lang(), a.text());
        }
        // dc:subject: taken from the keywords in the article's language (manifest keywords[]);
        // written to dc:subject, an unordered bag (and joined by "; " to Info /Keywords).
        m.keywords().forEach(dc::addSubject);
        // dc:rights: taken from the licence (manifest license: copyright line and text or name);
        // written to dc:rights, x-default.
        m.rights().ifPresent(r -> dc.addRights("x-default", r));
        // dc:identifier: taken from the DOI (manifest article.doi); written as "doi:10.…".
        m.doi().ifPresent(d -> dc.setIdentifier("doi:" + d));
        // dc:language: taken from the article's language (manifest article.language), then every
        // other language the PDF has a title or abstract in; written to dc:language, a bag.
        Set<String> langs = new LinkedHashSet<>();
        langs.add(m.language());
        m.titles().forEach(t -> langs.add(t.lang()));
        m.abstracts().forEach(a -> langs.add(a.lang()));
        langs.forEach(dc::addLanguage);
        // dc:publisher: taken from the journal's publisher (manifest journal.publisher).
        m.publisher().ifPresent(dc::addPublisher);
        // dc:date: taken from the publication date (manifest article.dates.published, else the
        // issue date); written to dc:date.
        m.published().ifPresent(d -> dc.addDate(calendar(d)));
    }

    private static Optional<XMPSchema> prism(XMPMetadata xmp, PdfMetadata m) {
        XMPSchema prism = new XMPSchema(xmp, PRISM_NS, PRISM_PREFIX, "PRISM");
        // prism:doi: taken from the DOI (manifest article.doi), bare.
        m.doi().ifPresent(d -> prism.setTextPropertyValue("doi", d));
        // prism:url: taken from the DOI, as its resolver URL https://doi.org/….
        m.doi().ifPresent(d -> prism.addProperty(xmp.getTypeMapping().createURL(PRISM_NS, PRISM_PREFIX, "url",
                "https://doi.org/" + d)));
        // prism:issn and prism:eIssn: taken from the journal's print and online ISSNs
        // (manifest journal.issn-print, journal.issn-online).
        m.issn().ifPresent(v -> prism.setTextPropertyValue("issn", v));
        m.eIssn().ifPresent(v -> prism.setTextPropertyValue("eIssn", v));
        // prism:publicationName: taken from the journal's title (manifest journal.title).
        m.journal().ifPresent(v -> prism.setTextPropertyValue("publicationName", v));
        // prism:volume and prism:number: taken from the issue (manifest issue.volume, issue.number).
        m.volume().ifPresent(v -> prism.setTextPropertyValue("volume", v));
        m.number().ifPresent(v -> prism.setTextPropertyValue("number", v));
        // prism:startingPage, prism:endingPage, prism:pageRange: taken from the page range
        // (manifest article.pages); absent for an article with an e-location instead of pages.
        m.firstPage().ifPresent(v -> prism.setTextPropertyValue("startingPage", v));
        m.lastPage().ifPresent(v -> prism.setTextPropertyValue("endingPage", v));
        m.pageRange().ifPresent(v -> prism.setTextPropertyValue("pageRange", v));
        // prism:coverDate: taken from the date (manifest issue.date, else issue.year);
        // written as an XMP date, 2021-12-30 or 2021.
        m.coverDate().ifPresent(v -> prism.setTextPropertyValue("coverDate", v));
        if (prism.getAllProperties().isEmpty()) {
            return Optional.empty();
        }
        xmp.addSchema(prism);
        return Optional.of(prism);
    }

    /**
     * The PDF/UA identification: taken from the render's tagging (a tagged PDF meets PDF/UA-1);
     * written to {@code pdfuaid:part} = 1.
     */
    private static XMPSchema accessibility(XMPMetadata xmp) {
        XMPSchema ua = new XMPSchema(xmp, PDFUA_NS, PDFUA_PREFIX, "PDF/UA identification");
        ua.addProperty(xmp.getTypeMapping().createInteger(PDFUA_NS, PDFUA_PREFIX, "part", 1));
        xmp.addSchema(ua);
        return ua;
    }

    /**
     * PDF/A-2 and -3 accept only the schemas of the XMP specification unless the packet describes
     * the others in a {@code pdfaExtension:schemas} entry (ISO 19005-2, 6.6.2.3.2): PRISM and the
     * PDF/UA identification are declared there, each with the properties this packet uses.
     */
    private static PDFASchemaType declare(XMPMetadata xmp, PDFAExtensionSchema ext, XMPSchema declared, String name,
                                          String[][] known, String category) {
        TypeMapping types = xmp.getTypeMapping();
        PDFASchemaType schema = new PDFASchemaType(xmp);
        ext.addNamespace(schema.getNamespace(), schema.getPrefix());
        schema.addProperty(types.createText(schema.getNamespace(), schema.getPrefix(), PDFASchemaType.SCHEMA, name));
        schema.addProperty(types.createURI(schema.getNamespace(), schema.getPrefix(), PDFASchemaType.NAMESPACE_URI,
                declared.getNamespace()));
        schema.addProperty(types.createText(schema.getNamespace(), schema.getPrefix(), PDFASchemaType.PREFIX,
                declared.getPrefix()));
        ArrayProperty properties = types.createArrayProperty(schema.getNamespace(), schema.getPrefix(),
                PDFASchemaType.PROPERTY, Cardinality.Seq);
        for (String[] p : known) {
            if (declared.getProperty(p[0]) == null) {
                continue;
            }
            PDFAPropertyType property = new PDFAPropertyType(xmp);
            ext.addNamespace(property.getNamespace(), property.getPrefix());
            String ns = property.getNamespace();
            String pf = property.getPrefix();
            property.addProperty(types.createText(ns, pf, PDFAPropertyType.NAME, p[0]));
            property.addProperty(types.createChoice(ns, pf, PDFAPropertyType.VALUETYPE, p[1]));
            property.addProperty(types.createChoice(ns, pf, PDFAPropertyType.CATEGORY, category));
            property.addProperty(types.createText(ns, pf, PDFAPropertyType.DESCRIPTION, p[2]));
            properties.addProperty(property);
        }
        schema.addProperty(properties);
        return schema;
    }

    private static void rights(XMPMetadata xmp, PdfMetadata m) {
        if (m.rights().isEmpty() && m.licenseUrl().isEmpty()) {
            return;
        }
        XMPRightsManagementSchema r = xmp.createAndAddXMPRightsManagementSchema();
        // xmpRights:Marked: taken from the presence of a licence; written as True (the work is
        // copyrighted and licensed, not in the public domain).
        r.setMarked(Boolean.TRUE);
        // xmpRights:WebStatement: taken from the licence's URL (manifest license.url).
        m.licenseUrl().ifPresent(r::setWebStatement);
        // xmpRights:UsageTerms: taken from the licence statement (manifest license.text or .name),
        // the same text as dc:rights.
        m.rights().ifPresent(t -> r.addUsageTerms("x-default", t));
    }

    private static void basic(XMPMetadata xmp, PdfMetadata m) {
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        // xmp:CreatorTool: taken from nothing (always "Separata"); = Info /Creator.
        basic.setCreatorTool(CREATOR_TOOL);
        // xmp:CreateDate, xmp:ModifyDate, xmp:MetadataDate: taken from the file date
        // (SOURCE_DATE_EPOCH, else the publication date; never the clock); = Info /CreationDate
        // and /ModDate. Absent when neither is known.
        m.fileDate().ifPresent(d -> {
            basic.setCreateDate(calendar(d));
            basic.setModifyDate(calendar(d));
            basic.setMetadataDate(calendar(d));
        });
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        // pdf:Producer: taken from nothing (always this string); = Info /Producer.
        pdf.setProducer(PRODUCER);
        // pdf:Keywords: taken from the keywords, joined by "; "; = Info /Keywords.
        if (!m.keywords().isEmpty()) {
            pdf.setKeywords(keywords(m));
        }
    }

    private static void identification(XMPMetadata xmp, PdfStandard standard) {
        PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
        // pdfaid:part and pdfaid:conformance: taken from the --pdfa variant (PdfStandard).
        id.setPart(standard.part());
        try {
            id.setConformance(standard.conformance());
        } catch (BadFieldValueException e) {
            throw new IllegalStateException(e);
        }
    }

    static String keywords(PdfMetadata m) {
        return String.join("; ", m.keywords());
    }

    /** A calendar in UTC, Gregorian whatever the default locale (a Thai locale would give a Buddhist one). */
    static Calendar calendar(Instant instant) {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ROOT);
        c.setTimeInMillis(instant.toEpochMilli());
        return c;
    }

    static Calendar calendar(LocalDate date) {
        return calendar(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    static Optional<Calendar> calendar(Optional<Instant> instant) {
        return instant.map(XmpPacket::calendar);
    }
}
