package dateline.feed;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why an item is in an article's related headlines. Curated items come first in the editor's order;
 * the rest are ranked by {@code total = (tags + section) * recency}, where {@code tags} sums
 * {@code ln(1 + 10000 / df)} over shared tags (df published articles carrying the tag), so a rare shared
 * tag weighs more than a common one; {@code section} is 1 for the same section; and
 * {@code recency = 0.5 ^ (days between the two publications / 14)}.
 */
@Schema(name = "RelatedScore")
public record RelatedScore(
        @Schema(description = "Chosen by an editor; curated items carry no computed score") boolean curated,
        @Schema(examples = "2.71") double total,
        @Schema(examples = "3.2") double tags,
        @Schema(examples = "1.0") double section,
        @Schema(examples = "0.85") double recency) {

    static final double HALF_LIFE_DAYS = 14.0;

    static RelatedScore curatedItem() {
        return new RelatedScore(true, 0, 0, 0, 0);
    }

    static RelatedScore computed(double tags, double section, double daysApart) {
        double recency = recency(daysApart);
        return new RelatedScore(false, (tags + section) * recency, tags, section, recency);
    }

    /** The total {@link #computed} gives, without making the score: candidates are mostly turned away on it. */
    static double total(double tags, double section, double daysApart) {
        return (tags + section) * recency(daysApart);
    }

    private static double recency(double daysApart) {
        return Math.pow(0.5, Math.abs(daysApart) / HALF_LIFE_DAYS);
    }
}
