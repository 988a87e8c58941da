package dateline.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token to create: who or what will use it, with which role, until when. */
@Schema(name = "TokenInput")
public record TokenInput(
        @Schema(description = "Recorded as the actor of every change made with the token", examples = "jane.doe")
        @NotBlank @Size(max = 100) @Pattern(regexp = "[\\p{L}\\p{N}._@-]+", message = "letters, digits, '.', '_', '@' and '-' only")
        String name,
        @Schema(examples = "EDITOR") @NotNull Role role,
        @Schema(nullable = true, description = "When the token stops working; never when absent", examples = "2026-12-31T23:59:59Z")
        Instant expiresAt) {
}
