-- title: Number of located places and towns
-- params: none
SELECT COUNT(*) AS places, COUNT(DISTINCT town) AS towns
FROM places
WHERE status = 'active'
