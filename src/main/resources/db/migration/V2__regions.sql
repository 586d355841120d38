-- Regions are the tenants: one row per kabupaten/kota, keyed by its Kemendagri code (NN.NN).
CREATE TABLE region (
    code         VARCHAR(5)   PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    type         VARCHAR(16)  NOT NULL,
    province     VARCHAR(100) NOT NULL,
    cohort_year  INTEGER ,
    version      BIGINT       NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT region_code_format CHECK (code ~ '^[0-9]{2}\.[0-9]{2}$'),
    CONSTRAINT region_type_valid CHECK (type IN ('KABUPATEN', 'KOTA')),
    CONSTRAINT region_cohort_year_range CHECK (cohort_year IS NULL OR cohort_year BETWEEN 2017 AND 2100)
);

CREATE INDEX region_name_idx ON region (lower(name));

-- The Smart City bodies set up by the head of region's decree (Dewan Smart City, Tim Pelaksana,
-- Tim Teknis). A simple structure until stakeholders exist.
CREATE TABLE region_body (
    region_code    VARCHAR(5)   NOT NULL REFERENCES region (code),
    body           VARCHAR(32)  NOT NULL,
    decree_number  VARCHAR(100),
    description    VARCHAR(500),
    PRIMARY KEY (region_code, body),
    CONSTRAINT region_body_valid CHECK (body IN ('DEWAN_SMART_CITY', 'TIM_PELAKSANA', 'TIM_TEKNIS'))
);

-- The coordinating agency (OPD) of each dimension, named in the same decree.
CREATE TABLE region_dimension_coordinator (
    region_code     VARCHAR(5)   NOT NULL REFERENCES region (code),
    dimension_code  VARCHAR(32)  NOT NULL REFERENCES dimension (code),
    agency          VARCHAR(200) NOT NULL,
    PRIMARY KEY (region_code, dimension_code)
);
