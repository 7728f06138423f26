package org.separata.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that renders PDFs, forks a JVM or runs an outside tool (poppler, qpdf,
 * veraPDF). {@code mvn -B test -Pquick} leaves these out, for a fast loop while editing; {@code mvn
 * -B verify}, which CI runs, includes them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {
}
