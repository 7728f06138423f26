package org.separata.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.separata.diag.Diagnostic;
import org.separata.diag.SourceLocation;

/**
 * What the JATS reader's parts share while reading one file: the problems found, and where each
 * model field came from (field path → line and column), in the manifest's path vocabulary.
 */
final class JatsContext {

    final String file;
    final List<Diagnostic> errors = new ArrayList<>();
    final List<Diagnostic> warnings = new ArrayList<>();
    final Map<String, SourceLocation> index = new HashMap<>();

    JatsContext(String file) {
        this.file = file;
    }

    SourceLocation at(XmlNode node, String path) {
        return new SourceLocation(file, node.line(), node.column(), path);
    }

    /** Records that the field {@code path} was read from {@code node}. */
    void index(String path, XmlNode node) {
        index.putIfAbsent(path, at(node, ""));
    }

    void warn(XmlNode node, String path, String message, String hint) {
        warnings.add(Diagnostic.warning(at(node, path), message, hint));
    }

    void error(XmlNode node, String path, String message, String hint) {
        errors.add(Diagnostic.error(at(node, path), message, hint));
    }
}
