package dateline.common.problem;

import java.util.List;
import java.util.Map;

/** The resource existed and was withdrawn (archived, trashed): 410, so links in the wild fail honestly. */
public class Gone extends ProblemException {
    public Gone(String kind, Object key, Map<String, Object> members) {
        super(ProblemType.GONE, "The " + kind + " '" + key + "' has been withdrawn.", List.of(), members);
    }
}
