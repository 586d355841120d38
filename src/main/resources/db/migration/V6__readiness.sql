-- Scoring frameworks are data, versioned (DESIGN §5). A version's definition — pillars (weight)
-- with indicators (weight, a description per level 1-5), the level names and the bands — is one
-- JSON document, validated by the service; it never changes once an assessment uses it.
CREATE TABLE framework_version (
    id              UUID         PRIMARY KEY,
    framework_code  VARCHAR(40)  NOT NULL,
    version         INTEGER      NOT NULL,
    name_id         VARCHAR(200) NOT NULL,
    name_en         VARCHAR(200) NOT NULL,
    description     VARCHAR(2000),
    definition      TEXT         NOT NULL,
    row_version     BIGINT       NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    UNIQUE (framework_code, version),
    CONSTRAINT framework_code_format CHECK (framework_code ~ '^[A-Z][A-Z0-9_]*$'),
    CONSTRAINT framework_version_positive CHECK (version > 0)
);

CREATE TABLE readiness_assessment (
    id                    UUID         PRIMARY KEY,
    region_code           VARCHAR(5)   NOT NULL REFERENCES region (code),
    framework_version_id  UUID         NOT NULL REFERENCES framework_version (id),
    period                VARCHAR(10)  NOT NULL,
    status                VARCHAR(16)  NOT NULL DEFAULT 'DRAFT',
    status_reason         VARCHAR(500),
    submitted_by          VARCHAR(255),
    submitted_at          TIMESTAMPTZ,
    verified_by           VARCHAR(255),
    verified_at           TIMESTAMPTZ,
    version               BIGINT       NOT NULL DEFAULT 0,
    created_at            TIMESTAMPTZ  NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL,
    UNIQUE (region_code, framework_version_id, period),
    CONSTRAINT readiness_status_valid CHECK (status IN ('DRAFT', 'SUBMITTED', 'VERIFIED')),
    CONSTRAINT readiness_period_format CHECK (period ~ '^[0-9]{4}(-(S[12]|Q[1-4]))?$')
);

CREATE INDEX readiness_assessment_region_idx ON readiness_assessment (region_code, status, period);

CREATE TABLE readiness_score (
    assessment_id   UUID         NOT NULL REFERENCES readiness_assessment (id) ON DELETE CASCADE,
    indicator_code  VARCHAR(40)  NOT NULL,
    score           NUMERIC(2,1) NOT NULL CHECK (score >= 1.0 AND score <= 5.0),
    evidence        VARCHAR(4000),
    evidence_links  TEXT,  -- newline separated URLs; never fetched by the server
    PRIMARY KEY (assessment_id, indicator_code)
);
