package id.smartcity.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import id.smartcity.audit.AuditAction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The event types: one list in the code (ChangeType), the same enum in the contract, one naming rule. */
class ChangeTypeContractTest {

    @Test
    void theContractListsExactlyTheTypesOfTheCode() throws Exception {
        JsonNode contract = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("openapi", "openapi.yaml").toFile());
        List<String> listed = new ArrayList<>();
        contract.at("/components/schemas/ChangeEvent/properties/type/enum").forEach(n -> listed.add(n.asText()));
        List<String> code =
                Arrays.stream(ChangeType.values()).map(t -> t.wireName).toList();
        assertEquals(code, listed);
    }

    @Test
    void namesAreTheEntityInKebabCaseAndTheActionInThePastTense() {
        assertEquals("quick-win.transitioned", ChangeType.QUICK_WIN_TRANSITIONED.wireName);
        assertEquals("fgd-session.updated", ChangeType.FGD_SESSION_UPDATED.wireName);
        assertEquals("readiness-assessment.verified", ChangeType.READINESS_ASSESSMENT_VERIFIED.wireName);
        for (ChangeType t : ChangeType.values()) {
            assertEquals(t.name().toLowerCase().replace('_', '-'), t.wireName.replace('.', '-'));
            assertEquals(t.wireName, ChangeType.of(t.entity.auditType(), t.action));
            assertEquals(Optional.of(t), ChangeType.ofWireName(t.wireName));
        }
        assertEquals("water-meter.scored", ChangeType.of("WATER_METER", AuditAction.SCORE));
    }

    @Test
    void hrefsArePathsOfTheApi() {
        assertEquals(
                Optional.of("/api/v1/regions/33.03/fgd-sessions/s1/participants"),
                ChangeEntity.FGD_PARTICIPANT.href(new ChangeEntity.Ref("33.03", "s1/p1", null)));
        assertEquals(
                Optional.of("/api/v1/assessment-frameworks/READINESS/versions/2"),
                ChangeEntity.FRAMEWORK_VERSION.href(new ChangeEntity.Ref(null, "READINESS/2", null)));
        assertEquals(
                Optional.of("/api/v1/regions/33.03/quick-wins/q1/milestones"),
                ChangeEntity.MILESTONE.href(new ChangeEntity.Ref("33.03", "m1", "q1")));
        assertEquals(Optional.empty(), ChangeEntity.MILESTONE.href(new ChangeEntity.Ref("33.03", "m1", null)));
    }

    @Test
    void cursorsRoundTripAndGarbageIsRefused() {
        assertEquals(42L, ChangeCursor.decode("after", ChangeCursor.encode(42)));
        assertEquals(0L, ChangeCursor.decode("after", null));
        for (String bad : List.of("x", "Y2hnOi0x", "Y2hnOg", "bm9wZTo0Mg", "!!")) {
            try {
                ChangeCursor.decode("after", bad);
                throw new AssertionError(bad + " was accepted");
            } catch (id.smartcity.platform.problem.ApiException e) {
                assertEquals("after", e.problem().errors.get(0).field());
            }
        }
    }
}
