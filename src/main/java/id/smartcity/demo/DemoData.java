package id.smartcity.demo;

import id.smartcity.audit.AuditAction;
import id.smartcity.audit.AuditTrail;
import id.smartcity.dimension.DimensionCode;
import id.smartcity.fgd.Attendance;
import id.smartcity.fgd.FgdMapper;
import id.smartcity.fgd.FgdParticipant;
import id.smartcity.fgd.FgdSession;
import id.smartcity.fgd.FgdStatus;
import id.smartcity.region.Region;
import id.smartcity.region.RegionMapper;
import id.smartcity.region.RegionType;
import id.smartcity.region.SmartCityBody;
import id.smartcity.stakeholder.MembershipRole;
import id.smartcity.stakeholder.Stakeholder;
import id.smartcity.stakeholder.StakeholderKind;
import id.smartcity.stakeholder.StakeholderMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The Purbalingga demo (Bimtek Smart City Stage II, 11 July 2024, Gedung Ardilawet): the region,
 * its stakeholders per dimension, the stage ({@link DemoBimtek}) and the six FGD sessions of day one, held, with attendance and
 * minutes, one quick win per session ({@link DemoQuickWins}), and readiness
 * assessments (2024 verified, 2025 draft). Loaded at start-up when {@code smartcity.demo-data} is true and Purbalingga is not there
 * yet; every record goes into the audit trail as made by "system". The organisations are the
 * region's real agencies; contacts and the wording of the minutes are invented for the demo.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final String PURBALINGGA = "33.03";
    static final String BANYUMAS = "33.02";
    static final ZoneOffset WIB = ZoneOffset.ofHours(7);

    @ConfigProperty(name = "smartcity.demo-data", defaultValue = "false")
    boolean enabled;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    DemoReadiness readiness;

    @Inject
    DemoBimtek bimtek;

    @Inject
    RegionMapper regionMapper;

    @Inject
    StakeholderMapper stakeholderMapper;

    @Inject
    FgdMapper fgdMapper;

    @Inject
    DemoQuickWins quickWins;

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            load();
        }
    }

    /** Loads the demo unless Purbalingga exists; true when it loaded. */
    @Transactional
    @ActivateRequestContext
    public boolean load() {
        if (em.find(Region.class, PURBALINGGA) != null) {
            LOG.info("Demo data: Purbalingga (33.03) is already there");
            return false;
        }
        region(BANYUMAS, "Kabupaten Banyumas", null, Map.of());
        Map<DimensionCode, String> coordinators = new LinkedHashMap<>();
        coordinators.put(DimensionCode.GOVERNANCE, "Dinas Komunikasi dan Informatika");
        coordinators.put(DimensionCode.BRANDING, "Dinas Kepemudaan, Olahraga dan Pariwisata");
        coordinators.put(DimensionCode.ECONOMY, "Dinas Perindustrian, Perdagangan, Koperasi dan UKM");
        coordinators.put(DimensionCode.LIVING, "Dinas Kesehatan");
        coordinators.put(DimensionCode.SOCIETY, "Dinas Pendidikan dan Kebudayaan");
        coordinators.put(DimensionCode.ENVIRONMENT, "Dinas Lingkungan Hidup");
        region(PURBALINGGA, "Kabupaten Purbalingga", 2024, coordinators);

        Map<DimensionCode, List<Stakeholder>> byDimension = new LinkedHashMap<>();
        for (DimensionCode d : DimensionCode.values()) {
            byDimension.put(d, new ArrayList<>());
        }
        int n = 1;
        for (Map.Entry<DimensionCode, String> lead : coordinators.entrySet()) {
            Stakeholder s = stakeholder(
                    lead.getValue(),
                    StakeholderKind.GOVERNMENT_AGENCY,
                    "Kepala Dinas",
                    n++,
                    Map.of(lead.getKey(), MembershipRole.LEAD));
            byDimension.get(lead.getKey()).add(s);
        }
        List<Object[]> members = List.of(
                new Object[] {
                    "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
                    StakeholderKind.GOVERNMENT_AGENCY,
                    "Kepala Badan",
                    List.of(DimensionCode.GOVERNANCE, DimensionCode.ECONOMY)
                },
                new Object[] {
                    "Bagian Organisasi Sekretariat Daerah",
                    StakeholderKind.GOVERNMENT_AGENCY,
                    "Kepala Bagian",
                    List.of(DimensionCode.GOVERNANCE)
                },
                new Object[] {
                    "Dinas Perhubungan",
                    StakeholderKind.GOVERNMENT_AGENCY,
                    "Kepala Dinas",
                    List.of(DimensionCode.LIVING)
                },
                new Object[] {
                    "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak",
                    StakeholderKind.GOVERNMENT_AGENCY,
                    "Kepala Dinas",
                    List.of(DimensionCode.SOCIETY)
                },
                new Object[] {
                    "Dinas Pekerjaan Umum dan Penataan Ruang",
                    StakeholderKind.GOVERNMENT_AGENCY,
                    "Kepala Dinas",
                    List.of(DimensionCode.ENVIRONMENT)
                },
                new Object[] {
                    "Universitas Perwira Purbalingga",
                    StakeholderKind.ACADEMIA,
                    "Dosen Teknik Informatika",
                    List.of(DimensionCode.GOVERNANCE, DimensionCode.ECONOMY)
                },
                new Object[] {
                    "Universitas Jenderal Soedirman",
                    StakeholderKind.ACADEMIA,
                    "Peneliti",
                    List.of(DimensionCode.LIVING, DimensionCode.SOCIETY, DimensionCode.ENVIRONMENT)
                },
                new Object[] {
                    "Relawan TIK Purbalingga",
                    StakeholderKind.ICT_COMMUNITY,
                    "Ketua",
                    List.of(DimensionCode.GOVERNANCE, DimensionCode.BRANDING, DimensionCode.SOCIETY)
                },
                new Object[] {
                    "Forum Desa Wisata Purbalingga", StakeholderKind.COMMUNITY, "Ketua", List.of(DimensionCode.BRANDING)
                },
                new Object[] {
                    "Asosiasi UMKM Purbalingga", StakeholderKind.BUSINESS, "Ketua", List.of(DimensionCode.ECONOMY)
                });
        for (Object[] m : members) {
            @SuppressWarnings("unchecked")
            List<DimensionCode> dims = (List<DimensionCode>) m[3];
            Map<DimensionCode, MembershipRole> memberships = new LinkedHashMap<>();
            dims.forEach(d -> memberships.put(d, MembershipRole.MEMBER));
            Stakeholder s = stakeholder((String) m[0], (StakeholderKind) m[1], (String) m[2], n++, memberships);
            dims.forEach(d -> byDimension.get(d).add(s));
        }

        Map<DimensionCode, String[]> outcomes = Map.of(
                DimensionCode.GOVERNANCE,
                        new String[] {
                            "Layanan perizinan dan pengaduan belum terpadu; OPD sepakat satu pintu digital.",
                            "Quick win: layanan pengaduan dan perizinan terpadu daring di semua OPD"
                        },
                DimensionCode.BRANDING,
                        new String[] {
                            "Potensi desa wisata belum dipasarkan bersama.",
                            "Quick win: portal promosi desa wisata Purbalingga"
                        },
                DimensionCode.ECONOMY,
                        new String[] {
                            "UMKM perlu akses pasar dan pembayaran digital.",
                            "Quick win: katalog digital produk UMKM dengan pembayaran QRIS"
                        },
                DimensionCode.LIVING,
                        new String[] {
                            "Antrean layanan puskesmas panjang pada pagi hari.", "Quick win: antrean daring puskesmas"
                        },
                DimensionCode.SOCIETY,
                        new String[] {
                            "Literasi digital warga dan pelajar masih rendah.",
                            "Quick win: kelas literasi digital di sekolah dan desa"
                        },
                DimensionCode.ENVIRONMENT,
                        new String[] {
                            "Sampah rumah tangga belum terpilah dan terlapor.",
                            "Quick win: aplikasi pelaporan sampah dan bank sampah desa"
                        });
        UUID stage = bimtek.stageTwo();
        int slot = 0;
        for (DimensionCode d : DimensionCode.values()) {
            OffsetDateTime start = OffsetDateTime.of(2024, 7, 11, slot < 3 ? 9 : 13, 0, 0, 0, WIB);
            FgdSession session =
                    session(d, stage, start, start.plusHours(2).plusMinutes(30), byDimension.get(d), outcomes.get(d));
            quickWins.add(session, byDimension.get(d).get(0), outcomes.get(d)[1].replace("Quick win: ", ""), slot);
            slot++;
        }
        bimtek.held();
        readiness.load();
        em.flush();
        LOG.info("Demo data: loaded Purbalingga (33.03) and Banyumas (33.02)");
        return true;
    }

    private void region(String code, String name, Integer cohort, Map<DimensionCode, String> coordinators) {
        Region r = new Region();
        r.code = code;
        r.name = name;
        r.type = RegionType.KABUPATEN;
        r.province = "Jawa Tengah";
        r.cohortYear = cohort;
        if (cohort != null) {
            r.bodies.add(new Region.Body(SmartCityBody.DEWAN_SMART_CITY, null, "Kepala OPD"));
            r.bodies.add(new Region.Body(SmartCityBody.TIM_PELAKSANA, null, "Sekretaris OPD dan sekretaris kecamatan"));
            r.bodies.add(new Region.Body(SmartCityBody.TIM_TEKNIS, null, "Tim teknis per dimensi"));
        }
        coordinators.forEach((d, agency) -> r.coordinators.add(new Region.Coordinator(d, agency)));
        em.persist(r);
        audit.created(Region.AUDIT_TYPE, code, code, regionMapper.toUpdate(r));
    }

    private Stakeholder stakeholder(
            String name, StakeholderKind kind, String position, int n, Map<DimensionCode, MembershipRole> memberships) {
        Stakeholder s = new Stakeholder();
        s.id = UUID.nameUUIDFromBytes(("demo-stakeholder-" + name).getBytes(StandardCharsets.UTF_8));
        s.regionCode = PURBALINGGA;
        s.name = name;
        s.kind = kind;
        s.organisation = kind == StakeholderKind.GOVERNMENT_AGENCY ? "Pemerintah Kabupaten Purbalingga" : name;
        s.position = position;
        // Invented contacts on a reserved domain and an unused number range.
        s.email = "demo" + n + "@purbalingga.example";
        s.phone = String.format("+62281555%04d", n);
        memberships.forEach((d, role) -> s.memberships.add(new Stakeholder.Membership(d, role, PURBALINGGA)));
        em.persist(s);
        audit.created(
                Stakeholder.AUDIT_TYPE, s.id.toString(), PURBALINGGA, stakeholderMapper.toState(s), "email", "phone");
        return s;
    }

    private FgdSession session(
            DimensionCode d,
            UUID stage,
            OffsetDateTime start,
            OffsetDateTime end,
            List<Stakeholder> participants,
            String[] outcome) {
        FgdSession s = new FgdSession();
        s.id = UUID.nameUUIDFromBytes(("demo-fgd-" + d).getBytes(StandardCharsets.UTF_8));
        s.regionCode = PURBALINGGA;
        s.title = "FGD Smart " + d.name().charAt(0) + d.name().substring(1).toLowerCase();
        s.dimension = d;
        s.bimtekStage = 2;
        s.bimtekDay = 1;
        s.bimtekStageId = stage;
        s.scheduledStart = start;
        s.scheduledEnd = end;
        s.venue = "Gedung Ardilawet, Kompleks Setda Purbalingga";
        s.facilitatorName = "Tim Narasumber Gerakan Menuju Smart City";
        s.agenda = "Membingkai dimensi dalam FGD dan merumuskan program quick win untuk tahun berikutnya.";
        em.persist(s);
        audit.created(FgdSession.AUDIT_TYPE, s.id.toString(), PURBALINGGA, fgdMapper.toState(s));
        for (int i = 0; i < participants.size(); i++) {
            FgdParticipant p = new FgdParticipant();
            p.sessionId = s.id;
            p.stakeholderId = participants.get(i).id;
            // One absence in the larger groups, as workshops go.
            p.attendance = i == 3 ? Attendance.ABSENT : Attendance.ATTENDED;
            em.persist(p);
            audit.created(
                    FgdParticipant.AUDIT_TYPE,
                    p.auditId(),
                    PURBALINGGA,
                    Map.of(
                            "sessionId",
                            s.id.toString(),
                            "stakeholderId",
                            p.stakeholderId.toString(),
                            "attendance",
                            p.attendance.name()));
        }
        s.minutesSummary = outcome[0];
        s.decisions.add(new FgdSession.Decision(outcome[1], participants.get(0).name));
        s.minutesRecordedAt = end;
        audit.created("FGD_MINUTES", s.id.toString(), PURBALINGGA, fgdMapper.minutesState(s));
        s.status = FgdStatus.HELD;
        s.statusReason = "Dilaksanakan pada Bimtek Smart City Tahap II";
        s.statusChangedAt = end;
        audit.record(
                AuditAction.TRANSITION,
                FgdSession.AUDIT_TYPE,
                s.id.toString(),
                PURBALINGGA,
                Map.of("status", FgdStatus.PLANNED.name()),
                Map.of("status", FgdStatus.HELD.name(), "reason", s.statusReason));
        return s;
    }
}
