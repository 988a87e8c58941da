package dateline.security;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new token with its secret: the only time Dateline ever shows it. */
@Schema(name = "CreatedToken")
public record CreatedToken(
        TokenView token,
        @Schema(description = "Send as 'Authorization: Bearer <secret>'. Shown once: store it now.",
                examples = "dl_0b7d1c52-8a3e-4f0b-9d6e-2f4a1c3b5e70_q3Jr8m1xN0vY2fK7bWc5tH9pLzA4sD6eUgR1iO8nQwE")
        String secret) {
}
