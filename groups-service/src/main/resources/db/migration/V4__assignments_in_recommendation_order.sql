-- The assignment list's order (recommendation ids in their natural order, 6.2 before 6.10; then the id
-- as text; then the group), as an index on exactly the expressions of AssignmentRepository's ORDER BY:
-- without it every page of an unfiltered list sorted the whole table (150 ms at 50,000 assignments,
-- issue 12's benchmark); with it a first page is an index scan stopping after its rows (0.5 ms).
CREATE INDEX assignment_in_recommendation_order ON assignment (
    (CASE WHEN recommendation_id ~ '^[0-9]+(\.[0-9]+)*$' THEN string_to_array(recommendation_id, '.')::int[] END),
    recommendation_id, group_id);
