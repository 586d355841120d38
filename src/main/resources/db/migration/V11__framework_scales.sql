-- Scales are data (issue #21, DESIGN §5): a framework version's definition carries its scale
-- (min, max, decimals a score may carry, and how the index is shown) and its levels, each naming a
-- range of scores.
--
-- 1. Every version made so far meant 1-5 with one decimal, the five level names as the whole-number
--    levels, and the index shown half-up to two decimals: that is now written down in its definition.
--    Nothing else changes: row_version (the ETag) and updated_at stay, and so does every assessment
--    (its row, its version, its scores).
UPDATE framework_version
   SET definition = (definition::jsonb
        || jsonb_build_object(
               'scale', jsonb_build_object(
                   'min', 1.0, 'max', 5.0, 'decimals', 1,
                   'index', jsonb_build_object('decimals', 2, 'rounding', 'HALF_UP')),
               'levels', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                                  'name', n.name,
                                  'from', (n.k + 0.0)::numeric(2,1),
                                  'to', CASE WHEN n.k = 5 THEN 5.0 ELSE (n.k + 0.9)::numeric(2,1) END)
                              ORDER BY n.k), '[]'::jsonb)
                            FROM jsonb_array_elements_text(definition::jsonb -> 'levelNames')
                                 WITH ORDINALITY AS n(name, k))))::text
 WHERE NOT (definition::jsonb ? 'scale');

-- 2. Scores carry the decimals of their framework's scale (at most 4) on scales up to 0-1000; the
--    service checks them against the framework version. Unconstrained NUMERIC keeps each stored
--    value as it is (3.0 stays 3.0).
ALTER TABLE readiness_score DROP CONSTRAINT IF EXISTS readiness_score_score_check;
ALTER TABLE readiness_score ALTER COLUMN score TYPE NUMERIC;
ALTER TABLE readiness_score ADD CONSTRAINT readiness_score_on_a_scale
    CHECK (score >= 0 AND score <= 1000 AND scale(score) <= 4);

-- 3. The national evaluation as its guideline publishes it: five components on 0-5 with two
--    decimals, weights baseline 10, output 20, outcome 30, impact 30, quick win 10, the index shown
--    to two decimals (half-up). No level names. Another year's weights are another version.
INSERT INTO framework_version (id, framework_code, version, name_id, name_en, description, definition, created_at, updated_at) VALUES
('00000000-0000-4000-8000-000000000003', 'NATIONAL_EVALUATION', 2, 'Evaluasi Gerakan Menuju Smart City', 'National Smart City evaluation',
 'Skala pedoman nasional: komponen 0-5 dengan dua desimal, bobot baseline 10, output 20, outcome 30, dampak 30, quick win 10; indeks dua desimal.',
 '{"levelNames": [], "pillars": [{"code": "BASELINE", "name": {"id": "Baseline", "en": "Baseline"}, "weight": 10, "indicators": [{"code": "BASELINE_SCORE", "name": {"id": "Nilai baseline", "en": "Baseline score"}, "weight": 1, "levels": []}]}, {"code": "OUTPUT", "name": {"id": "Output", "en": "Output"}, "weight": 20, "indicators": [{"code": "OUTPUT_SCORE", "name": {"id": "Nilai output", "en": "Output score"}, "weight": 1, "levels": []}]}, {"code": "OUTCOME", "name": {"id": "Outcome", "en": "Outcome"}, "weight": 30, "indicators": [{"code": "OUTCOME_SCORE", "name": {"id": "Nilai outcome", "en": "Outcome score"}, "weight": 1, "levels": []}]}, {"code": "IMPACT", "name": {"id": "Dampak", "en": "Impact"}, "weight": 30, "indicators": [{"code": "IMPACT_SCORE", "name": {"id": "Nilai dampak", "en": "Impact score"}, "weight": 1, "levels": []}]}, {"code": "QUICK_WIN", "name": {"id": "Quick win", "en": "Quick win"}, "weight": 10, "indicators": [{"code": "QUICK_WIN_SCORE", "name": {"id": "Nilai quick win", "en": "Quick win score"}, "weight": 1, "levels": []}]}], "bands": [{"upTo": 1.8, "predicate": {"id": "Kurang", "en": "Poor"}}, {"upTo": 2.6, "predicate": {"id": "Cukup", "en": "Fair"}}, {"upTo": 3.5, "predicate": {"id": "Baik", "en": "Good"}}, {"upTo": 4.2, "predicate": {"id": "Sangat Baik", "en": "Very good"}}, {"upTo": 5.0, "predicate": {"id": "Memuaskan", "en": "Excellent"}}], "scale": {"min": 0, "max": 5, "decimals": 2, "index": {"decimals": 2, "rounding": "HALF_UP"}}, "levels": []}', now(), now());
