-- Quick wins (program unggulan): the flagship program each FGD yields, deliverable within a year.
CREATE TABLE quick_win (
    id                   UUID          PRIMARY KEY,
    region_code          VARCHAR(5)    NOT NULL REFERENCES region (code),
    title                VARCHAR(200)  NOT NULL,
    description          VARCHAR(4000),
    dimension_code       VARCHAR(32)   NOT NULL REFERENCES dimension (code),
    fgd_session_id       UUID          REFERENCES fgd_session (id),
    lead_stakeholder_id  UUID          REFERENCES stakeholder (id),
    planned_budget       NUMERIC(18,2) NOT NULL DEFAULT 0 CHECK (planned_budget >= 0),
    funding_source       VARCHAR(8)    NOT NULL,
    target_year          INTEGER       NOT NULL CHECK (target_year BETWEEN 2017 AND 2100),
    start_date           DATE,
    end_date             DATE,
    status               VARCHAR(16)   NOT NULL DEFAULT 'PROPOSED',
    status_reason        VARCHAR(500),
    status_changed_at    TIMESTAMPTZ,
    search_text          VARCHAR(4201) NOT NULL,
    version              BIGINT        NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ   NOT NULL,
    updated_at           TIMESTAMPTZ   NOT NULL,
    CONSTRAINT quick_win_funding_valid CHECK (funding_source IN ('APBD', 'APBN', 'CSR', 'OTHER')),
    CONSTRAINT quick_win_status_valid CHECK (status IN
        ('PROPOSED', 'APPROVED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CANCELLED')),
    CONSTRAINT quick_win_dates CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date)
);

CREATE INDEX quick_win_region_idx ON quick_win (region_code, dimension_code, status);
CREATE INDEX quick_win_region_title_idx ON quick_win (region_code, title, id);
CREATE INDEX quick_win_lead_idx ON quick_win (lead_stakeholder_id);
CREATE INDEX quick_win_session_idx ON quick_win (fgd_session_id);

CREATE TABLE quick_win_partner (
    quick_win_id    UUID NOT NULL REFERENCES quick_win (id) ON DELETE CASCADE,
    stakeholder_id  UUID NOT NULL REFERENCES stakeholder (id),
    PRIMARY KEY (quick_win_id, stakeholder_id)
);
CREATE INDEX quick_win_partner_stakeholder_idx ON quick_win_partner (stakeholder_id);

-- Every status change, readable as history.
CREATE TABLE quick_win_transition (
    id             UUID         PRIMARY KEY,
    quick_win_id   UUID         NOT NULL REFERENCES quick_win (id) ON DELETE CASCADE,
    from_status    VARCHAR(16)  NOT NULL,
    to_status      VARCHAR(16)  NOT NULL,
    reason         VARCHAR(500),
    actor          VARCHAR(255),
    occurred_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX quick_win_transition_idx ON quick_win_transition (quick_win_id, occurred_at);

CREATE TABLE milestone (
    id            UUID          PRIMARY KEY,
    quick_win_id  UUID          NOT NULL REFERENCES quick_win (id) ON DELETE CASCADE,
    title         VARCHAR(200)  NOT NULL,
    weight        NUMERIC(9,3)  NOT NULL CHECK (weight > 0),
    due_date      DATE          NOT NULL,
    done          BOOLEAN       NOT NULL DEFAULT FALSE,
    done_date     DATE,
    version       BIGINT        NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ   NOT NULL,
    updated_at    TIMESTAMPTZ   NOT NULL,
    CONSTRAINT milestone_done_date CHECK (done = (done_date IS NOT NULL))
);
-- Covering: progress reads weight and done from the index alone.
CREATE INDEX milestone_quick_win_idx ON milestone (quick_win_id) INCLUDE (weight, done, due_date);
CREATE INDEX milestone_open_due_idx ON milestone (due_date) WHERE NOT done;

CREATE TABLE progress_report (
    id               UUID          PRIMARY KEY,
    quick_win_id     UUID          NOT NULL REFERENCES quick_win (id) ON DELETE CASCADE,
    report_date      DATE          NOT NULL,
    percent          NUMERIC(5,2)  NOT NULL CHECK (percent BETWEEN 0 AND 100),
    narrative        VARCHAR(4000),
    budget_realised  NUMERIC(18,2) NOT NULL DEFAULT 0 CHECK (budget_realised >= 0),
    created_at       TIMESTAMPTZ   NOT NULL
);
CREATE INDEX progress_report_quick_win_idx ON progress_report (quick_win_id, report_date DESC, created_at DESC)
    INCLUDE (percent, budget_realised);

CREATE TABLE kpi (
    id            UUID          PRIMARY KEY,
    quick_win_id  UUID          NOT NULL REFERENCES quick_win (id) ON DELETE CASCADE,
    name          VARCHAR(200)  NOT NULL,
    unit          VARCHAR(50)   NOT NULL,
    baseline      NUMERIC(18,4) NOT NULL,
    target        NUMERIC(18,4) NOT NULL,
    actual        NUMERIC(18,4),
    direction     VARCHAR(20)   NOT NULL,
    version       BIGINT        NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ   NOT NULL,
    updated_at    TIMESTAMPTZ   NOT NULL,
    CONSTRAINT kpi_direction_valid CHECK (direction IN ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER'))
);
CREATE INDEX kpi_quick_win_idx ON kpi (quick_win_id);

-- The one definition of a quick win's progress (DESIGN §5), used by the API and the dashboard:
-- Σ(weights of done milestones) / Σ(milestone weights) × 100; with no milestones, the latest
-- progress report's percent; with neither, 0. budget_realised is the sum over its reports.
-- LATERAL lookups by quick win, so that a filter on quick_win (one region, one id) is applied
-- first and each quick win costs three index scans.
CREATE VIEW quick_win_progress AS
SELECT q.id AS quick_win_id,
       q.region_code,
       q.dimension_code,
       q.status,
       q.planned_budget,
       CASE WHEN m.total_weight IS NOT NULL THEN m.done_weight * 100 / m.total_weight
            WHEN r.percent IS NOT NULL THEN r.percent
            ELSE 0 END AS progress,
       CASE WHEN m.total_weight IS NOT NULL THEN 'MILESTONES'
            WHEN r.percent IS NOT NULL THEN 'LATEST_REPORT'
            ELSE 'NONE' END AS progress_source,
       COALESCE(b.realised, 0) AS budget_realised
FROM quick_win q
LEFT JOIN LATERAL (SELECT sum(weight) AS total_weight,
                          COALESCE(sum(weight) FILTER (WHERE done), 0) AS done_weight
                   FROM milestone WHERE quick_win_id = q.id) m ON TRUE
LEFT JOIN LATERAL (SELECT percent FROM progress_report WHERE quick_win_id = q.id
                   ORDER BY report_date DESC, created_at DESC LIMIT 1) r ON TRUE
LEFT JOIN LATERAL (SELECT sum(budget_realised) AS realised
                   FROM progress_report WHERE quick_win_id = q.id) b ON TRUE;
