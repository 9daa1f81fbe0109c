-- title: Number of located places and towns
-- source: places table (sections per row)
-- params: none
SELECT COUNT(*) AS places, COUNT(DISTINCT town) AS towns
FROM places
WHERE status = 'active'
