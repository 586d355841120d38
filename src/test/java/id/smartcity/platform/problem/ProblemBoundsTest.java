package id.smartcity.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A problem stays within the bounds its contract schema gives, whatever the caller sent. */
class ProblemBoundsTest {

    @Test
    void longDetailsFieldsAndMessagesAreCutWithAnEllipsis() {
        Problem.FieldError error = new Problem.FieldError("f".repeat(5000), "m".repeat(5000));
        Problem problem = new Problem(ProblemType.VALIDATION, "d".repeat(100_000), List.of(error));

        assertEquals(Problem.MAX_DETAIL, problem.detail.length());
        assertTrue(problem.detail.endsWith("…"));
        assertEquals(Problem.MAX_FIELD, problem.errors.get(0).field().length());
        assertEquals(Problem.MAX_MESSAGE, problem.errors.get(0).message().length());
        assertTrue(problem.errors.get(0).message().endsWith("…"));
    }

    @Test
    void shortTextIsKeptAsItIs() {
        Problem problem = new Problem(
                ProblemType.VALIDATION,
                "limit must be between 1 and 100",
                List.of(new Problem.FieldError("limit", "x")));

        assertEquals("limit must be between 1 and 100", problem.detail);
        assertEquals(new Problem.FieldError("limit", "x"), problem.errors.get(0));
    }

    @Test
    void atMostTheFirstHundredFieldErrorsAreListed() {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            errors.add(new Problem.FieldError("updates[" + i + "].stakeholderId", "is not invited"));
        }
        Problem problem = new Problem(ProblemType.VALIDATION, "invalid", errors);

        assertEquals(Problem.MAX_ERRORS, problem.errors.size());
        assertEquals("updates[0].stakeholderId", problem.errors.get(0).field());
        assertEquals("updates[99].stakeholderId", problem.errors.get(99).field());
    }
}
