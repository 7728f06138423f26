/**
 * The logical structure of a rendered document, as plain values: which structure element (PDF
 * structure type, language, alternate text, table and list attributes) owns which marked-content
 * sequence of which page, and which link annotation. The renderer ({@code render}) builds it
 * while Flying Saucer paints; the finisher ({@code finish}) writes it into the PDF as a
 * structure tree. No outside library is used here.
 */
package org.separata.tags;
