package dateline.common.openapi;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A 409 in the contract lists the problem type of each conflict the operation names, described once. */
class ConflictsTest {

    @Test
    void eachNamedConflictIsDescribedWithTheProblemTypeAClientBranchesOn() {
        String text = Conflicts.describe(Conflicts.SLUG_TAKEN + " " + Conflicts.IN_TRASH);
        assertTrue(text.contains("urn:dateline:problem:slug-taken: "), text);
        assertTrue(text.contains("; urn:dateline:problem:illegal-transition: the article is in the trash"), text);
    }

    @Test
    void aNameNobodyDescribedFailsTheBuildInsteadOfReachingTheContract() {
        assertThrows(IllegalArgumentException.class, () -> Conflicts.describe("slug-takn"));
    }
}
