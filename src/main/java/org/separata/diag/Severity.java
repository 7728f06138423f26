package org.separata.diag;

/** How bad a {@link Diagnostic} is. Errors stop the pipeline; warnings travel with the result. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
