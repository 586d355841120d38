-- E2 as the API issues it: count, the page (its ids kept with \aset), the partners of the page's
-- rows (one batch), their derived progress.
\set d random(1, 6)
\set s random(1, 6)
select count(*) from quick_win qw1_0 where qw1_0.region_code = '91.01' and qw1_0.dimension_code = (ARRAY['GOVERNANCE','BRANDING','ECONOMY','LIVING','SOCIETY','ENVIRONMENT'])[:d] and qw1_0.status = (ARRAY['PROPOSED','APPROVED','IN_PROGRESS','ON_HOLD','COMPLETED','CANCELLED'])[:s];
select p.*, array_agg(p.id) over () as ids from (select qw1_0.id,qw1_0.created_at,qw1_0.description,qw1_0.dimension_code,qw1_0.end_date,qw1_0.fgd_session_id,qw1_0.funding_source,qw1_0.lead_stakeholder_id,qw1_0.planned_budget,qw1_0.region_code,qw1_0.search_text,qw1_0.start_date,qw1_0.status,qw1_0.status_changed_at,qw1_0.status_reason,qw1_0.target_year,qw1_0.title,qw1_0.updated_at,qw1_0.version from quick_win qw1_0 where qw1_0.region_code = '91.01' and qw1_0.dimension_code = (ARRAY['GOVERNANCE','BRANDING','ECONOMY','LIVING','SOCIETY','ENVIRONMENT'])[:d] and qw1_0.status = (ARRAY['PROPOSED','APPROVED','IN_PROGRESS','ON_HOLD','COMPLETED','CANCELLED'])[:s] order by qw1_0.title, qw1_0.id offset 0 rows fetch first 20 rows only) p \aset
select p1_0.quick_win_id,p1_0.stakeholder_id from quick_win_partner p1_0 where p1_0.quick_win_id = any (:ids::uuid[]);
SELECT quick_win_id, progress, progress_source, budget_realised FROM quick_win_progress WHERE quick_win_id = ANY(:ids::uuid[]);
