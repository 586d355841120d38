-- E4 as the API issues it (in region 91.20, so that the measured region 91.01 stays the same), in
-- one transaction: the region check, the stakeholder, its membership,
-- the audit append (lock the chain head, insert the event and move the head in one statement).
-- The hash is a unique stand-in: pgbench does not compute SHA-256 (the API does, in Java).
-- (No ':' before a name inside literals: pgbench would take it for a variable.)
\set p random(10000000, 99999999)
BEGIN;
select r1_0.code,r1_0.cohort_year,r1_0.created_at,r1_0.name,r1_0.province,r1_0.type,r1_0.updated_at,r1_0.version from region r1_0 where r1_0.code = '91.20' fetch first 1 rows only;
insert into stakeholder (active,created_at,email,kind,name,organisation,phone,position,region_code,search_text,updated_at,version,id) values (true, now(), 'pgbench' || :p::text || '@bench.example', 'BUSINESS', 'Pemangku Pgbench ' || :p::text, 'PT Uji', '+62812' || :p::text, 'Direktur', '91.20', 'pemangku pgbench ' || :p::text || ' pt uji', now(), 0, gen_random_uuid()) returning id \gset
insert into stakeholder_membership (stakeholder_id,dimension_code,region_code,role) values (:id::uuid, 'ECONOMY', '91.20', 'MEMBER');
SELECT last_id, last_hash, clock_timestamp() AS now FROM audit_chain_head WHERE id = 1 FOR UPDATE \gset
WITH appended AS (INSERT INTO audit_event (id, occurred_at, actor_subject, actor_username, actor_client_id, region_code, entity_type, entity_id, action, before_json, after_json, request_id, previous_hash, hash) VALUES (:last_id + 1, :now::timestamptz, 'bench.coordinator-sub', 'bench.coordinator', 'curl', '91.20', 'STAKEHOLDER', :id::text, 'CREATE', NULL, '{"active": true,"email":"[personal data]","kind":"BUSINESS","memberships":[{"dimension":"ECONOMY","role":"MEMBER"}],"name":"Pemangku Pgbench ' || :p::text || '","organisation":"PT Uji","phone":"[personal data]","position":"Direktur"}', gen_random_uuid()::text, :last_hash, lpad(to_hex(:last_id + 1), 64, 'y')) RETURNING id, hash) UPDATE audit_chain_head SET last_id = appended.id, last_hash = appended.hash FROM appended WHERE audit_chain_head.id = 1;
COMMIT;
