-- Benchmark dataset (issue #9), generated in SQL after Flyway migrated the database. Fixed seed:
-- setseed() below, and every id is md5(<kind> || n)::uuid, so two runs hold the same rows.
--   20 regions 91.01-91.20; region 91.01 ("big") holds every even n of each table below (half of
--   it), the other 19 share the odd n; 10,000 stakeholders (one membership each), 2,000 FGD
--   sessions, 5,000 quick wins (2 partners and 10 milestones each: 50,000 milestones), 12,000
--   readiness assessments with 100,000 scores (10,000 READINESS x 9 + 2,000 NATIONAL x 5).
-- A quick win n refers to session and stakeholders number ((n - 1) % 1938) + 1: 1938 is a multiple
-- of 6 (dimension), 2 (parity) and 2 x 19 (odd regions), so they share its region and dimension.
-- Bulk rows bypass the audit trail.
SELECT setseed(0.0909) AS seeded \gset

CREATE FUNCTION pg_temp.region_of(n bigint) RETURNS varchar LANGUAGE sql IMMUTABLE AS
$$ SELECT '91.' || lpad((CASE WHEN n % 2 = 0 THEN 1 ELSE 2 + (n / 2) % 19 END)::text, 2, '0') $$;
CREATE FUNCTION pg_temp.dim(n bigint) RETURNS varchar LANGUAGE sql IMMUTABLE AS
$$ SELECT (ARRAY['GOVERNANCE','BRANDING','ECONOMY','LIVING','SOCIETY','ENVIRONMENT'])[1 + n % 6] $$;

INSERT INTO region (code, name, type, province, cohort_year)
SELECT '91.' || lpad(r::text, 2, '0'), 'Kabupaten Tolok Ukur ' || r, CASE WHEN r % 4 = 0 THEN 'KOTA' ELSE 'KABUPATEN' END,
       'Provinsi Uji', 2017 + r % 8
FROM generate_series(1, 20) r;

INSERT INTO stakeholder (id, region_code, name, kind, organisation, position, email, phone, active, search_text,
                         created_at, updated_at)
SELECT md5('sh' || n)::uuid, pg_temp.region_of(n), 'Pemangku Kepentingan ' || n,
       (ARRAY['GOVERNMENT_AGENCY','ACADEMIA','ICT_COMMUNITY','BUSINESS','COMMUNITY','MEDIA'])[1 + floor(random() * 6)::int],
       'Organisasi ' || (n % 300), 'Jabatan ' || (n % 17), 'pemangku' || n || '@bench.example',
       '+62812' || lpad(n::text, 8, '0'), random() < 0.95,
       lower('Pemangku Kepentingan ' || n || ' Organisasi ' || (n % 300)),
       timestamptz '2024-01-01' + n * interval '1 minute', timestamptz '2024-01-01' + n * interval '1 minute'
FROM generate_series(1, 10000) n;

INSERT INTO stakeholder_membership (stakeholder_id, region_code, dimension_code, role)
SELECT md5('sh' || n)::uuid, pg_temp.region_of(n), pg_temp.dim(n), 'MEMBER' FROM generate_series(1, 10000) n;

INSERT INTO fgd_session (id, region_code, title, dimension_code, bimtek_stage, bimtek_day, scheduled_start, scheduled_end,
                         venue, facilitator_stakeholder_id, status, created_at, updated_at)
SELECT md5('fgd' || n)::uuid, pg_temp.region_of(n), 'FGD ' || pg_temp.dim(n) || ' ' || n, pg_temp.dim(n),
       1 + n % 4, 1 + n % 2, timestamptz '2024-07-11 09:00+07' + (n / 20) * interval '1 day',
       timestamptz '2024-07-11 12:00+07' + (n / 20) * interval '1 day', 'Gedung ' || (n % 50),
       md5('sh' || (((n - 1) % 1938) + 1))::uuid,
       (ARRAY['HELD','HELD','PLANNED','CANCELLED'])[1 + floor(random() * 4)::int],
       now(), now()
FROM generate_series(1, 2000) n;

INSERT INTO quick_win (id, region_code, title, description, dimension_code, fgd_session_id, lead_stakeholder_id,
                       planned_budget, funding_source, target_year, start_date, end_date, status, search_text,
                       created_at, updated_at)
SELECT md5('qw' || n)::uuid, pg_temp.region_of(n), 'Program Unggulan ' || n,
       'Deskripsi program unggulan nomor ' || n || ' untuk dimensi ' || pg_temp.dim(n), pg_temp.dim(n),
       md5('fgd' || (((n - 1) % 1938) + 1))::uuid, md5('sh' || (((n - 1) % 1938) + 1))::uuid,
       round((random() * 5e9)::numeric, 2), (ARRAY['APBD','APBN','CSR','OTHER'])[1 + floor(random() * 4)::int],
       2024 + n % 3, date '2025-01-01' + (n % 90), date '2025-12-01' + (n % 30),
       (ARRAY['PROPOSED','APPROVED','IN_PROGRESS','IN_PROGRESS','ON_HOLD','COMPLETED','CANCELLED'])[1 + floor(random() * 7)::int],
       lower('Program Unggulan ' || n || ' Deskripsi program unggulan nomor ' || n || ' untuk dimensi ' || pg_temp.dim(n)),
       now(), now()
FROM generate_series(1, 5000) n;

INSERT INTO quick_win_partner (quick_win_id, stakeholder_id)
SELECT md5('qw' || n)::uuid, md5('sh' || (((n - 1) % 1938) + 1 + k * 1938))::uuid
FROM generate_series(1, 5000) n CROSS JOIN generate_series(1, 2) k;

INSERT INTO milestone (id, quick_win_id, title, weight, due_date, done, done_date, created_at, updated_at)
SELECT md5('ms' || n || '-' || m)::uuid, md5('qw' || n)::uuid, 'Tahap ' || m, 1 + m % 3,
       date '2025-01-01' + m * 30, d, CASE WHEN d THEN date '2025-01-01' + m * 30 END, now(), now()
FROM generate_series(1, 5000) n CROSS JOIN generate_series(1, 10) m CROSS JOIN LATERAL (SELECT random() < 0.5 AS d) r;

-- Per region: periods 0..499 under READINESS v1, 0..99 under NATIONAL_EVALUATION v1; a period is
-- a year from 2017 with '', -S1, -S2, -Q1..-Q4. Every third one is VERIFIED, the next SUBMITTED.
INSERT INTO readiness_assessment (id, region_code, framework_version_id, period, status, submitted_by, submitted_at,
                                  verified_by, verified_at, created_at, updated_at)
SELECT md5('ra' || r || '-' || f || '-' || p)::uuid, '91.' || lpad(r::text, 2, '0'),
       ('00000000-0000-4000-8000-00000000000' || f)::uuid,
       (2017 + p / 7)::text || (ARRAY['', '-S1', '-S2', '-Q1', '-Q2', '-Q3', '-Q4'])[1 + p % 7],
       (ARRAY['VERIFIED', 'SUBMITTED', 'DRAFT'])[1 + p % 3],
       CASE WHEN p % 3 < 2 THEN 'bench.coordinator' END, CASE WHEN p % 3 < 2 THEN now() END,
       CASE WHEN p % 3 = 0 THEN 'bench.auditor' END, CASE WHEN p % 3 = 0 THEN now() END, now(), now()
FROM generate_series(1, 20) r CROSS JOIN generate_series(1, 2) f
     CROSS JOIN LATERAL generate_series(0, CASE WHEN f = 1 THEN 499 ELSE 99 END) p;

INSERT INTO readiness_score (assessment_id, indicator_code, score, evidence)
SELECT md5('ra' || r || '-1-' || p)::uuid, i, round((1 + random() * 4)::numeric, 1), 'Bukti ' || i
FROM generate_series(1, 20) r CROSS JOIN generate_series(0, 499) p
     CROSS JOIN unnest(ARRAY['SDM','BIROKRASI','ANGGARAN','FISIK','DIGITAL','SOSIAL','KELEMBAGAAN',
                             'KEBIJAKAN_REGULASI','PENEGAKAN_HUKUM']) i;
INSERT INTO readiness_score (assessment_id, indicator_code, score, evidence)
SELECT md5('ra' || r || '-2-' || p)::uuid, i, round((1 + random() * 4)::numeric, 1), 'Bukti ' || i
FROM generate_series(1, 20) r CROSS JOIN generate_series(0, 99) p
     CROSS JOIN unnest(ARRAY['BASELINE_SCORE','OUTPUT_SCORE','OUTCOME_SCORE','IMPACT_SCORE','QUICK_WIN_SCORE']) i;
