package id.smartcity.bimtek;

import id.smartcity.dimension.DimensionCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The outputs a stage is expected to produce when its request names none (the same list as the
 * V13 migration gives the stages it made): I readiness and SWOT per dimension, and the vision; II
 * strategic analysis per dimension, and the quick-win plan; III the roadmap; IV the final review
 * and the commitment signed by the regional head and the agency heads.
 */
public final class BimtekDefaults {

    private BimtekDefaults() {}

    public static List<BimtekStage.Output> outputs(int stageNumber) {
        List<BimtekStage.Output> out = new ArrayList<>();
        switch (stageNumber) {
            case 1 -> {
                perDimension(out, "Kesiapan daerah dan analisis SWOT dimensi");
                out.add(new BimtekStage.Output(null, "Visi Smart City daerah"));
            }
            case 2 -> {
                perDimension(out, "Analisis strategis dimensi");
                out.add(new BimtekStage.Output(null, "Rencana program quick win"));
            }
            case 3 -> out.add(new BimtekStage.Output(null, "Roadmap program jangka pendek, menengah dan panjang"));
            case 4 -> {
                out.add(new BimtekStage.Output(null, "Review akhir masterplan Smart City"));
                out.add(new BimtekStage.Output(null, "Komitmen yang ditandatangani kepala daerah dan kepala OPD"));
            }
            default -> throw new IllegalArgumentException("stage " + stageNumber);
        }
        return out;
    }

    /** The usual title of a stage: {@code Bimtek Smart City Tahap II}. */
    public static String title(int stageNumber) {
        return "Bimtek Smart City Tahap " + List.of("I", "II", "III", "IV").get(stageNumber - 1);
    }

    private static void perDimension(List<BimtekStage.Output> out, String description) {
        for (DimensionCode d : DimensionCode.values()) {
            out.add(new BimtekStage.Output(d, description));
        }
    }
}
