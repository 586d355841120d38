package id.smartcity.demo;

import id.smartcity.audit.AuditAction;
import id.smartcity.audit.AuditTrail;
import id.smartcity.bimtek.BimtekDefaults;
import id.smartcity.bimtek.BimtekStage;
import id.smartcity.bimtek.BimtekStageMapper;
import id.smartcity.bimtek.BimtekStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * Purbalingga's Bimtek Smart City Stage II of the 2024 cohort: 11 and 12 July 2024 at Gedung
 * Ardilawet (Setda Purbalingga), its default expected outputs; the six demo FGD sessions of day
 * one are linked to it ({@link DemoData}), and it is HELD once they are ({@link #held}).
 */
@ApplicationScoped
class DemoBimtek {

    static final UUID STAGE_II = UUID.nameUUIDFromBytes("demo-bimtek-2024-2".getBytes(StandardCharsets.UTF_8));

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    BimtekStageMapper mapper;

    /** The stage, PLANNED; returns its id for the sessions to link to. */
    UUID stageTwo() {
        BimtekStage s = new BimtekStage();
        s.id = STAGE_II;
        s.regionCode = DemoData.PURBALINGGA;
        s.cohortYear = 2024;
        s.stageNumber = 2;
        s.title = BimtekDefaults.title(2);
        s.venue = "Gedung Ardilawet, Kompleks Setda Purbalingga";
        s.days.add(new BimtekStage.Day(1, LocalDate.of(2024, 7, 11)));
        s.days.add(new BimtekStage.Day(2, LocalDate.of(2024, 7, 12)));
        s.facilitators.add(new BimtekStage.Facilitator("Tim Narasumber Gerakan Menuju Smart City", null));
        s.outputs.addAll(BimtekDefaults.outputs(2));
        em.persist(s);
        audit.created(BimtekStage.AUDIT_TYPE, s.id.toString(), DemoData.PURBALINGGA, mapper.toState(s));
        return s.id;
    }

    /** After its sessions are HELD: the stage is HELD too. */
    void held() {
        BimtekStage s = em.find(BimtekStage.class, STAGE_II);
        s.status = BimtekStatus.HELD;
        s.statusReason = "Dilaksanakan dua hari di Gedung Ardilawet; hari kedua memaparkan progres quick win";
        s.statusChangedAt = OffsetDateTime.of(2024, 7, 12, 16, 0, 0, 0, ZoneOffset.ofHours(7));
        audit.record(
                AuditAction.TRANSITION,
                BimtekStage.AUDIT_TYPE,
                s.id.toString(),
                DemoData.PURBALINGGA,
                Map.of("status", BimtekStatus.PLANNED.name()),
                Map.of("status", BimtekStatus.HELD.name(), "reason", s.statusReason));
    }
}
