package org.separata.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code -j N}: a whole number from 1 to {@value #MAX_JOBS}. Anything else is a usage error
 * (exit 2) that says what is allowed, never a failure later on.
 */
final class JobsConverter implements ITypeConverter<Integer> {

    /** More articles at once than this only adds threads waiting for the same cores and memory. */
    static final int MAX_JOBS = 256;

    @Override
    public Integer convert(String value) {
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1 || n > MAX_JOBS) {
            throw new TypeConversionException("'" + value + "' is not a number of jobs; give a whole number from 1 to "
                    + MAX_JOBS + " (the default is the number of cores)");
        }
        return n;
    }
}
