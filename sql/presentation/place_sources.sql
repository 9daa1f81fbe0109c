-- title: Sections that locate the active places of the map
-- params: none
SELECT source_id, COUNT(*) AS places
FROM places
WHERE status = 'active'
GROUP BY source_id
ORDER BY source_id
