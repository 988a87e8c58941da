package dateline.media;

import dateline.common.problem.ProblemException;
import dateline.common.problem.ProblemType;
import java.util.List;
import java.util.Map;

/** An upload that is not an image the library takes: refused before anything is stored. */
class ImageRejected extends ProblemException {
    ImageRejected(ProblemType type, String detail) {
        super(type, detail);
    }

    ImageRejected(ProblemType type, String detail, Map<String, Object> members) {
        super(type, detail, List.of(), members);
    }
}
