-- E1 as the API issues it (captured with log_statement = all): the quick win in the caller's
-- region, its partners, its derived progress; three statements, each in autocommit.
\set n random(1, 2500)
select qw1_0.id,qw1_0.created_at,qw1_0.description,qw1_0.dimension_code,qw1_0.end_date,qw1_0.fgd_session_id,qw1_0.funding_source,qw1_0.lead_stakeholder_id,qw1_0.planned_budget,qw1_0.region_code,qw1_0.search_text,qw1_0.start_date,qw1_0.status,qw1_0.status_changed_at,qw1_0.status_reason,qw1_0.target_year,qw1_0.title,qw1_0.updated_at,qw1_0.version from quick_win qw1_0 where qw1_0.id = md5('qw' || (2 * :n))::uuid and qw1_0.region_code = '91.01' fetch first 1 rows only;
select p1_0.quick_win_id, p1_0.stakeholder_id from quick_win_partner p1_0 where p1_0.quick_win_id = md5('qw' || (2 * :n))::uuid;
SELECT quick_win_id, progress, progress_source, budget_realised FROM quick_win_progress WHERE quick_win_id = ANY(ARRAY[md5('qw' || (2 * :n))::uuid]);
