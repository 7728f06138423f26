package org.separata.render;

/**
 * Where an element with an id ended up: its page (0-based, within its document) and its box in
 * PDF points (origin at the page's bottom left).
 */
public record Anchor(String id, int page, float x, float y, float width, float height) {
}
