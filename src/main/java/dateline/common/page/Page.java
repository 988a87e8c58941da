package dateline.common.page;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: the items and how to get the next page. */
public record Page<T>(List<T> items, @Schema(required = true) PageInfo page) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page);
    }

    /**
     * Builds a page from a query that fetched one row more than asked for: the extra row only tells that a
     * next page exists, and the cursor points after the last row kept.
     */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> cursorAfter) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, new PageInfo(limit, null));
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(List.copyOf(items), new PageInfo(limit, cursorAfter.apply(items.get(limit - 1))));
    }
}
