package id.smartcity.bimtek;

import id.smartcity.bimtek.api.AttendanceTotals;
import id.smartcity.bimtek.api.BimtekStageResponse;
import id.smartcity.bimtek.api.StageSessionResponse;
import id.smartcity.platform.http.Page;
import id.smartcity.platform.http.PageRequest;
import id.smartcity.platform.http.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The read side of stages: representations with the sessions linked to them and their attendance
 * totals, read in the same query for a whole page (two queries, not two per stage).
 */
@ApplicationScoped
public class BimtekStageQueries {

    @Inject
    BimtekStageRepository stages;

    @Inject
    BimtekStageMapper mapper;

    public Page<BimtekStageResponse> page(String regionCode, BimtekStageFilter filter, PageRequest page) {
        return Paging.pageOfRows(
                stages.search(regionCode, filter, page.sort()), page, rows -> responses(regionCode, rows));
    }

    /** At most {@code rows} stages from the page's offset on, for an export. */
    public List<BimtekStageResponse> export(String regionCode, BimtekStageFilter filter, PageRequest page, int rows) {
        return responses(
                regionCode,
                stages.search(regionCode, filter, page.sort())
                        .range(page.offset(), page.offset() + rows - 1)
                        .list());
    }

    public BimtekStageResponse response(BimtekStage s) {
        return responses(s.regionCode, List.of(s)).get(0);
    }

    /**
     * The entity tag of a stage's representation: a digest of its version and of what is derived
     * from its sessions, which change without the stage's version moving. Writes compare
     * {@code If-Match} with it too, so a tag read with GET is the one to send.
     */
    public static String tag(BimtekStageResponse r) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("bimtek-stage:" + r.version() + ":" + r.sessions() + ":" + r.attendance())
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<BimtekStageResponse> responses(String regionCode, List<BimtekStage> rows) {
        List<UUID> ids = rows.stream().map(s -> s.id).toList();
        Map<UUID, List<StageSessionResponse>> sessions = stages.sessions(regionCode, ids);
        Map<UUID, AttendanceTotals> totals = stages.totals(regionCode, ids);
        return rows.stream()
                .map(s -> mapper.toResponse(
                        s, sessions.getOrDefault(s.id, List.of()), totals.getOrDefault(s.id, AttendanceTotals.NONE)))
                .toList();
    }
}
