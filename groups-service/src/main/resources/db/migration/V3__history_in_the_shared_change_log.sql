-- History moves to the shared change log (ws2_change, from service-defaults), which keeps the public
-- snapshot each event carries. Older rows did not keep a state; they are carried over with what they
-- knew (for assignments, the triage state after the step) so that the history APIs still list them.
INSERT INTO ws2_change (aggregate_type, aggregate_id, version, kind, actor, note, effective_at, recorded_at, snapshot)
SELECT 'group', group_id, version, kind, actor, note, changed_at, changed_at,
       jsonb_build_object('id', group_id, 'version', version)
FROM group_change
ON CONFLICT (aggregate_type, aggregate_id, version) DO NOTHING;

INSERT INTO ws2_change (aggregate_type, aggregate_id, version, kind, actor, note, effective_at, recorded_at, snapshot)
SELECT 'assignment', group_id || ':' || recommendation_id, version, kind, actor, note, changed_at, changed_at,
       jsonb_build_object('id', group_id || ':' || recommendation_id, 'groupId', group_id,
                          'recommendationId', recommendation_id, 'triage', triage_to, 'version', version)
FROM assignment_change
ON CONFLICT (aggregate_type, aggregate_id, version) DO NOTHING;

DROP TABLE group_change;
DROP TABLE assignment_change;
