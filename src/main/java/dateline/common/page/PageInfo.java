package dateline.common.page;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Paging state of a list response. */
@Schema(name = "PageInfo")
public record PageInfo(
        @Schema(description = "Items asked for", examples = "20") int limit,
        @Schema(description = "Opaque cursor for the next page; null on the last page",
                examples = "eyJrIjoiYXJ0aWNsZXMi...", nullable = true) String next) {
}
