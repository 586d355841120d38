package id.smartcity.masterplan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.smartcity.masterplan.api.MasterplanDiffResponse;
import id.smartcity.masterplan.api.ProgramResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The diff of two versions of one region: programs are matched by {@code programKey}, which a
 * copied program keeps; a matched pair is changed when any writable field differs.
 */
@ApplicationScoped
public class MasterplanDiff {

    @Inject
    MasterplanService service;

    @Inject
    MasterplanRepository masterplans;

    @Inject
    MasterplanMapper mapper;

    @Inject
    ObjectMapper json;

    public MasterplanDiffResponse diff(String regionCode, UUID fromId, UUID toId) {
        Masterplan a = service.find(regionCode, fromId);
        Masterplan b = service.find(regionCode, toId);
        Map<UUID, Program> before = byKey(masterplans.allPrograms(a));
        Map<UUID, Program> after = byKey(masterplans.allPrograms(b));
        List<ProgramResponse> added = new ArrayList<>();
        List<ProgramResponse> removed = new ArrayList<>();
        List<MasterplanDiffResponse.ChangedProgram> changed = new ArrayList<>();
        int unchanged = 0;
        for (Program p : after.values()) {
            Program was = before.get(p.programKey);
            if (was == null) {
                added.add(mapper.toResponse(p));
                continue;
            }
            List<MasterplanDiffResponse.FieldChange> changes = changes(was, p);
            if (changes.isEmpty()) {
                unchanged++;
            } else {
                changed.add(new MasterplanDiffResponse.ChangedProgram(p.programKey, was.id, p.id, p.title, changes));
            }
        }
        for (Program p : before.values()) {
            if (!after.containsKey(p.programKey)) {
                removed.add(mapper.toResponse(p));
            }
        }
        return new MasterplanDiffResponse(ref(a), ref(b), added, removed, changed, unchanged);
    }

    private List<MasterplanDiffResponse.FieldChange> changes(Program was, Program is) {
        JsonNode a = json.valueToTree(mapper.toState(was));
        JsonNode b = json.valueToTree(mapper.toState(is));
        List<String> names = new ArrayList<>();
        a.fieldNames().forEachRemaining(names::add);
        for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
            String n = it.next();
            if (!names.contains(n)) {
                names.add(n);
            }
        }
        List<MasterplanDiffResponse.FieldChange> changes = new ArrayList<>();
        for (String name : names) {
            JsonNode x = a.path(name);
            JsonNode y = b.path(name);
            if (!same(x, y)) {
                changes.add(new MasterplanDiffResponse.FieldChange(name, text(x), text(y)));
            }
        }
        return changes;
    }

    /** Equal values; an absent value equals null and an empty list. */
    private static boolean same(JsonNode x, JsonNode y) {
        return x.equals(y) || (empty(x) && empty(y));
    }

    private static boolean empty(JsonNode n) {
        return n.isMissingNode() || n.isNull() || (n.isArray() && n.isEmpty());
    }

    private static String text(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        return n.isValueNode() ? n.asText() : n.toString();
    }

    private static Map<UUID, Program> byKey(List<Program> programs) {
        Map<UUID, Program> map = new LinkedHashMap<>();
        programs.forEach(p -> map.put(p.programKey, p));
        return map;
    }

    private static MasterplanDiffResponse.VersionRef ref(Masterplan m) {
        return new MasterplanDiffResponse.VersionRef(m.id, m.number, m.status);
    }
}
