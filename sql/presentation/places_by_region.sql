-- title: Located places by region of their town (active places only): the places slide says where they are
-- params: none
SELECT t.region, COUNT(*) AS places
FROM places AS p
JOIN towns AS t ON t.town = p.town
WHERE p.status = 'active'
GROUP BY t.region
ORDER BY COUNT(*) DESC, t.region
