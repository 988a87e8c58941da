package dateline.edit;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The headers of a write to a versioned resource (an article): those of every write, and If-Match. */
public class VersionedEditHeaders extends EditHeaders {
    @HeaderParam("If-Match")
    @Parameter(description = "ETag of the version being edited (from GET). Required by PUT, PATCH and DELETE; honoured by the other writes.",
            example = "\"3\"")
    @Size(max = 200)
    public String ifMatch;

    @Override
    protected String versionEdited() {
        return ifMatch;
    }
}
