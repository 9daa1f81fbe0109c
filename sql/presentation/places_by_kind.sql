-- title: Located places on the map by kind (active places only)
-- params: none
SELECT kind, COUNT(*) AS places, COUNT(DISTINCT town) AS towns
FROM places
WHERE status = 'active'
GROUP BY kind
ORDER BY COUNT(*) DESC, kind
