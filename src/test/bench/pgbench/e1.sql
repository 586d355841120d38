-- E1 as the API issues it (QuickWinRepository.readInRegion): the quick win in the caller's region
-- with its partners and its derived progress, one statement in autocommit.
\set n random(1, 2500)
SELECT q.id, q.region_code, q.title, q.description, q.dimension_code, q.fgd_session_id, q.lead_stakeholder_id, ARRAY(SELECT p.stakeholder_id FROM quick_win_partner p WHERE p.quick_win_id = q.id), q.planned_budget, q.funding_source, q.target_year, q.start_date, q.end_date, q.status, q.status_reason, q.status_changed_at, q.version, q.created_at, q.updated_at, d.progress, d.progress_source, d.budget_realised FROM quick_win q LEFT JOIN quick_win_progress d ON d.quick_win_id = q.id WHERE q.id = md5('qw' || (2 * :n))::uuid AND q.region_code = '91.01';
