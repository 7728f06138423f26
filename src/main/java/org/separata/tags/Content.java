package org.separata.tags;

/**
 * One marked-content sequence: the {@code mcid}-th on page {@code page} (0-based, within the
 * document the tree belongs to). Its text or image belongs to the element holding it.
 */
public record Content(int page, int mcid) implements Kid {
    public Content {
        if (page < 0 || mcid < 0) {
            throw new IllegalArgumentException("page and MCID start at 0: " + page + ", " + mcid);
        }
    }

    @Override
    public Content movePages(java.util.function.IntUnaryOperator pages) {
        return new Content(pages.applyAsInt(page), mcid);
    }
}
