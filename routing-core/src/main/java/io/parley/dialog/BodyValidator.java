package io.parley.dialog;

import io.parley.catalog.Validation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks a message body against its message type's validation (R-OBJ-6): EMPTY takes no body,
 * WELL_FORMED_XML a well-formed XML document (no DTDs, so no entity expansion from a message),
 * VALID_JSON one JSON value in UTF-8. A null body is an empty one (R-OBJ-9).
 */
final class BodyValidator {
    private static final SAXParserFactory XML = secureFactory();

    private BodyValidator() {
    }

    /** The reason {@code body} fails {@code validation}, or null when it passes. */
    static String problem(Validation validation, byte[] body) {
        boolean empty = body == null || body.length == 0;
        return switch (validation) {
            case NONE -> null;
            case EMPTY -> empty ? null : "the body must be empty but has " + body.length + " bytes";
            case WELL_FORMED_XML -> empty ? null : xmlProblem(body);
            case VALID_JSON -> empty ? null : JsonSyntax.problem(body);
        };
    }

    private static String xmlProblem(byte[] body) {
        try {
            XML.newSAXParser().parse(new ByteArrayInputStream(body), new DefaultHandler());
            return null;
        } catch (SAXException e) {
            return "the body is not well-formed XML: " + e.getMessage();
        } catch (IOException | ParserConfigurationException e) {
            return "the body could not be read as XML: " + e.getMessage();
        }
    }

    private static SAXParserFactory secureFactory() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser does not support secure processing", e);
        }
    }
}
