package org.separata.read;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * The JDK's StAX reader set up so that no XML input can reach outside itself: the DOCTYPE is
 * never processed (no DTD fetched, no entity a document declares ever expanded), nothing is
 * resolved, and nesting and attributes are bounded. JATS input ({@link SafeXml}) and SVG images
 * ({@code layout.SvgCheck}) are both read through it.
 */
public final class HardenedXml {

    private HardenedXml() {
    }

    /**
     * A new factory.
     *
     * @param maxDepth      how deep elements may nest
     * @param maxAttributes attributes one element may have
     * @param refusal       what the resolver says when anything asks it for an outside resource
     */
    public static XMLInputFactory factory(int maxDepth, int maxAttributes, String refusal) {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setProperty("jdk.xml.maxElementDepth", String.valueOf(maxDepth));
        f.setProperty("jdk.xml.elementAttributeLimit", String.valueOf(maxAttributes));
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException(refusal + " (" + systemId + ")");
        });
        return f;
    }
}
