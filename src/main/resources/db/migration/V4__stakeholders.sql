-- Stakeholders of a region (OPD, academics, ICT community, business, community, media), grouped
-- into the six dimensions. Contact details are personal data (DESIGN §6).
CREATE TABLE stakeholder (
    id            UUID         PRIMARY KEY,
    region_code   VARCHAR(5)   NOT NULL REFERENCES region (code),
    name          VARCHAR(200) NOT NULL,
    kind          VARCHAR(32)  NOT NULL,
    organisation  VARCHAR(200),
    position      VARCHAR(200),
    email         VARCHAR(254),
    phone         VARCHAR(20),
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    -- name and organisation lower-cased without accents, for case- and accent-insensitive search
    search_text   VARCHAR(401) NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT stakeholder_kind_valid CHECK (kind IN
        ('GOVERNMENT_AGENCY', 'ACADEMIA', 'ICT_COMMUNITY', 'BUSINESS', 'COMMUNITY', 'MEDIA')),
    CONSTRAINT stakeholder_phone_normalised CHECK (phone IS NULL OR phone ~ '^\+62[1-9][0-9]{6,12}$')
);

CREATE INDEX stakeholder_region_name_idx ON stakeholder (region_code, name, id);
CREATE INDEX stakeholder_region_search_idx ON stakeholder (region_code, search_text);

-- Membership of a stakeholder in a dimension. region_code repeats the stakeholder's so that the
-- database itself enforces one LEAD per dimension per region.
CREATE TABLE stakeholder_membership (
    stakeholder_id  UUID        NOT NULL REFERENCES stakeholder (id) ON DELETE CASCADE,
    region_code     VARCHAR(5)  NOT NULL REFERENCES region (code),
    dimension_code  VARCHAR(32) NOT NULL REFERENCES dimension (code),
    role            VARCHAR(16) NOT NULL,
    PRIMARY KEY (stakeholder_id, dimension_code),
    CONSTRAINT stakeholder_membership_role_valid CHECK (role IN ('LEAD', 'MEMBER'))
);

CREATE UNIQUE INDEX stakeholder_membership_one_lead
    ON stakeholder_membership (region_code, dimension_code) WHERE role = 'LEAD';
CREATE INDEX stakeholder_membership_dimension_idx ON stakeholder_membership (region_code, dimension_code);
