-- Documents kept with the record (src/docs/documents.md): the metadata here, the bytes in the
-- configured store (document_chunk when it is PostgreSQL), content-addressed by region and SHA-256.

-- One row per distinct content of a region: the same bytes uploaded twice are stored once, and the
-- region's quota counts these.
CREATE TABLE document_content (
    region_code  VARCHAR(5)   NOT NULL REFERENCES region (code),
    sha256       VARCHAR(64)  NOT NULL,
    size_bytes   BIGINT       NOT NULL CHECK (size_bytes >= 0),
    media_type   VARCHAR(100) NOT NULL,
    store        VARCHAR(16)  NOT NULL,
    stored_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (region_code, sha256),
    CONSTRAINT document_content_sha256_hex CHECK (sha256 ~ '^[0-9a-f]{64}$')
);

CREATE TABLE document (
    id                 UUID         PRIMARY KEY,
    region_code        VARCHAR(5)   NOT NULL REFERENCES region (code),
    title              VARCHAR(200) NOT NULL,
    kind               VARCHAR(20)  NOT NULL,
    owner_type         VARCHAR(24),
    owner_id           UUID,
    indicator_code     VARCHAR(40),
    file_name          VARCHAR(200) NOT NULL,
    media_type         VARCHAR(100) NOT NULL,
    size_bytes         BIGINT       NOT NULL CHECK (size_bytes >= 0),
    sha256             VARCHAR(64)  NOT NULL,
    personal_data      BOOLEAN      NOT NULL,
    status             VARCHAR(12)  NOT NULL DEFAULT 'ACTIVE',
    status_reason      VARCHAR(500),
    status_changed_at  TIMESTAMPTZ,
    content_removed_at TIMESTAMPTZ,
    version            BIGINT       NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    CONSTRAINT document_kind_valid CHECK (kind IN ('MINUTES', 'ATTENDANCE_SHEET', 'PHOTO', 'EVIDENCE',
        'COMMITMENT', 'REGULATION', 'MASTERPLAN', 'REPORT', 'OTHER')),
    CONSTRAINT document_owner_type_valid CHECK (owner_type IN ('FGD_SESSION', 'BIMTEK_STAGE',
        'READINESS_ASSESSMENT', 'QUICK_WIN', 'PROGRESS_REPORT', 'MASTERPLAN')),
    CONSTRAINT document_owner_whole CHECK ((owner_type IS NULL) = (owner_id IS NULL)),
    CONSTRAINT document_indicator_owner CHECK (indicator_code IS NULL OR owner_type = 'READINESS_ASSESSMENT'),
    CONSTRAINT document_status_valid CHECK (status IN ('ACTIVE', 'ARCHIVED', 'REMOVED')),
    CONSTRAINT document_sha256_hex CHECK (sha256 ~ '^[0-9a-f]{64}$')
);

CREATE INDEX document_region_idx ON document (region_code, created_at, id);
CREATE INDEX document_owner_idx ON document (owner_id);
CREATE INDEX document_content_idx ON document (region_code, sha256);

-- The PostgreSQL store: each content in chunks of 1 MiB, numbered from 0. The files are mostly
-- compressed already (PDF, images, OOXML), so TOAST does not try to compress them again.
CREATE TABLE document_chunk (
    content_key  VARCHAR(80) NOT NULL,
    seq          INTEGER     NOT NULL CHECK (seq >= 0),
    data         BYTEA       NOT NULL,
    PRIMARY KEY (content_key, seq)
);
ALTER TABLE document_chunk ALTER COLUMN data SET STORAGE EXTERNAL;
