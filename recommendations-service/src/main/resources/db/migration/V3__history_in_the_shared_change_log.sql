-- History moves to the shared change log (ws2_change, from service-defaults), which keeps the public
-- snapshot an event carries rather than this service's internal record. Rows written before are
-- carried over with their snapshot rebuilt from the stored state; then the old table goes.
INSERT INTO ws2_change (aggregate_type, aggregate_id, version, kind, actor, note, effective_at, recorded_at, snapshot)
SELECT 'recommendation', c.recommendation_id, c.version, c.kind, c.actor, c.note, c.changed_at, c.changed_at,
       jsonb_build_object(
           'id', s->>'id',
           'topicPrefix', s->>'topicPrefix',
           'topic', s->>'topic',
           'title', s->'details'->>'title',
           'summary', s->'details'->>'summary',
           'ownership', s->'details'->>'ownership',
           'sharedWith', COALESCE(s->'details'->'sharedWith', '[]'::jsonb),
           'implementers', COALESCE(s->'details'->'implementers', '[]'::jsonb),
           'targetQuarter', s->'details'->>'targetQuarter',
           'tags', COALESCE(s->'details'->'tags', '[]'::jsonb),
           'source', s->>'source',
           'verification', s->>'verification',
           'status', s->>'status',
           'coordination', COALESCE(s->'coordination'->>'level', 'NONE'),
           'coordinationRationale', s->'coordination'->>'rationale',
           'dependsOn', COALESCE(s->'dependsOn', '[]'::jsonb),
           'evidenceCount', COALESCE((s->>'evidenceCount')::int, 0),
           'retired', s->'retirement' IS NOT NULL AND s->'retirement' <> 'null'::jsonb,
           'retiredReason', s->'retirement'->>'reason',
           'version', c.version,
           'createdAt', s->>'createdAt',
           'updatedAt', s->>'updatedAt')
FROM recommendation_change c, LATERAL (SELECT c.after_state AS s) state
ON CONFLICT (aggregate_type, aggregate_id, version) DO NOTHING;

DROP TABLE recommendation_change;
