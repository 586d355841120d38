-- Bimtek stages: the four technical-guidance stages of a region's cohort year. FGD sessions belong
-- to a stage (bimtek_stage_id); their bimtek_stage / bimtek_day numbers stay (contract v1.0.0).
CREATE TABLE bimtek_stage (
    id                 UUID         PRIMARY KEY,
    region_code        VARCHAR(5)   NOT NULL REFERENCES region (code),
    cohort_year        INTEGER      NOT NULL,
    stage_number       INTEGER      NOT NULL,
    title              VARCHAR(200) NOT NULL,
    venue              VARCHAR(200),
    status             VARCHAR(16)  NOT NULL DEFAULT 'PLANNED',
    status_reason      VARCHAR(500),
    status_changed_at  TIMESTAMPTZ,
    version            BIGINT       NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    CONSTRAINT bimtek_stage_number_range CHECK (stage_number BETWEEN 1 AND 4),
    CONSTRAINT bimtek_stage_cohort_range CHECK (cohort_year BETWEEN 2017 AND 2100),
    CONSTRAINT bimtek_stage_status_valid CHECK (status IN ('PLANNED', 'HELD', 'CANCELLED')),
    CONSTRAINT bimtek_stage_unique UNIQUE (region_code, cohort_year, stage_number)
);

-- Its days, 1..5, dates strictly increasing (checked by the API).
CREATE TABLE bimtek_stage_day (
    stage_id    UUID    NOT NULL REFERENCES bimtek_stage (id) ON DELETE CASCADE,
    day_number  INTEGER NOT NULL,
    day_date    DATE    NOT NULL,
    PRIMARY KEY (stage_id, day_number),
    CONSTRAINT bimtek_stage_day_range CHECK (day_number BETWEEN 1 AND 5)
);

-- Its facilitators, in order: a name, and optionally the stakeholder of the region they are.
CREATE TABLE bimtek_stage_facilitator (
    stage_id        UUID         NOT NULL REFERENCES bimtek_stage (id) ON DELETE CASCADE,
    position        INTEGER      NOT NULL,
    name            VARCHAR(200) NOT NULL,
    stakeholder_id  UUID         REFERENCES stakeholder (id),
    PRIMARY KEY (stage_id, position)
);

CREATE INDEX bimtek_stage_facilitator_stakeholder_idx ON bimtek_stage_facilitator (stakeholder_id);

-- The outputs the stage is expected to produce, in order; a dimension or none (the whole region).
CREATE TABLE bimtek_stage_output (
    stage_id        UUID         NOT NULL REFERENCES bimtek_stage (id) ON DELETE CASCADE,
    position        INTEGER      NOT NULL,
    dimension_code  VARCHAR(32)  REFERENCES dimension (code),
    description     VARCHAR(500) NOT NULL,
    PRIMARY KEY (stage_id, position)
);

ALTER TABLE fgd_session ADD COLUMN bimtek_stage_id UUID REFERENCES bimtek_stage (id);
CREATE INDEX fgd_session_bimtek_stage_idx ON fgd_session (bimtek_stage_id);

-- Existing sessions: one stage per region, cohort year (the year of the scheduled start, in WIB,
-- UTC+7) and stage number; days are the distinct dates of its sessions (the first five); the venue
-- is its sessions' most common one; HELD when all its sessions are HELD, else PLANNED.
CREATE TEMPORARY TABLE v13_session AS
SELECT id, region_code, bimtek_stage AS stage_number, venue, status,
       ((scheduled_start AT TIME ZONE 'UTC') + INTERVAL '7 hours')::date AS day_date
FROM fgd_session;

INSERT INTO bimtek_stage (id, region_code, cohort_year, stage_number, title, venue, status, status_reason,
                          status_changed_at, version, created_at, updated_at)
SELECT gen_random_uuid(), region_code, extract(YEAR FROM min(day_date))::int AS cohort_year, stage_number,
       'Bimtek Smart City Tahap ' || (ARRAY['I', 'II', 'III', 'IV'])[stage_number],
       mode() WITHIN GROUP (ORDER BY venue),
       CASE WHEN bool_and(status = 'HELD') THEN 'HELD' ELSE 'PLANNED' END,
       'Dibuat dari sesi FGD yang ada (migrasi V13)',
       CASE WHEN bool_and(status = 'HELD') THEN now() END,
       0, now(), now()
FROM v13_session
GROUP BY region_code, extract(YEAR FROM day_date), stage_number;

UPDATE fgd_session s SET bimtek_stage_id = st.id
FROM v13_session v, bimtek_stage st
WHERE v.id = s.id AND st.region_code = v.region_code AND st.stage_number = v.stage_number
  AND st.cohort_year = extract(YEAR FROM v.day_date);

INSERT INTO bimtek_stage_day (stage_id, day_number, day_date)
SELECT stage_id, day_number, day_date
FROM (SELECT st.id AS stage_id, d.day_date, row_number() OVER (PARTITION BY st.id ORDER BY d.day_date) AS day_number
      FROM bimtek_stage st
      JOIN (SELECT DISTINCT s.bimtek_stage_id, v.day_date
            FROM fgd_session s JOIN v13_session v ON v.id = s.id) d ON d.bimtek_stage_id = st.id) ranked
WHERE day_number <= 5;

-- The default expected outputs of each stage number (the same as BimtekDefaults in the code).
INSERT INTO bimtek_stage_output (stage_id, position, dimension_code, description)
SELECT st.id, (row_number() OVER (PARTITION BY st.id ORDER BY o.ord, d.position NULLS FIRST)) - 1, d.code, o.description
FROM bimtek_stage st
JOIN (VALUES
        (1, 1, TRUE, 'Kesiapan daerah dan analisis SWOT dimensi'),
        (1, 2, FALSE, 'Visi Smart City daerah'),
        (2, 1, TRUE, 'Analisis strategis dimensi'),
        (2, 2, FALSE, 'Rencana program quick win'),
        (3, 1, FALSE, 'Roadmap program jangka pendek, menengah dan panjang'),
        (4, 1, FALSE, 'Review akhir masterplan Smart City'),
        (4, 2, FALSE, 'Komitmen yang ditandatangani kepala daerah dan kepala OPD')
     ) AS o (stage_number, ord, per_dimension, description) ON o.stage_number = st.stage_number
LEFT JOIN dimension d ON o.per_dimension;

DROP TABLE v13_session;
