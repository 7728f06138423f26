package org.separata.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters for option values that have bounds, so that a wrong value is a wrong command line
 * (exit 2) that says what is allowed, and never a failure further on.
 */
final class OptionValues {

    private OptionValues() {
    }

    /** More articles at once than this only adds threads waiting for the same cores and memory. */
    static final int MAX_JOBS = 256;

    /** {@code -j N}: a whole number from 1 to {@value #MAX_JOBS}. */
    static final class Jobs implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = wholeNumber(value);
            if (n < 1 || n > MAX_JOBS) {
                throw new TypeConversionException("'" + value + "' is not a number of jobs; give a whole number from 1 "
                        + "to " + MAX_JOBS + " (the default is the number of cores)");
            }
            return n;
        }
    }

    /** {@code --first-page N}: a page number, 1 or more. */
    static final class Page implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = wholeNumber(value);
            if (n < 1) {
                throw new TypeConversionException("'" + value + "' is not a page number; give a whole number, 1 or more");
            }
            return n;
        }
    }

    /** The whole number {@code value} says, or 0 when it is not one. */
    private static int wholeNumber(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** How an issue shows its progress. */
    enum ProgressMode { bar, log, none }
}
