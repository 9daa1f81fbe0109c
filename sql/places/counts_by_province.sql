-- title: Number of places shown, by province
-- params: place_ids (list of text)
SELECT t.province, t.region, COUNT(*) AS place_count, COUNT(DISTINCT p.town) AS town_count
FROM places AS p
JOIN towns AS t ON t.town = p.town
WHERE p.place_id IN :place_ids
GROUP BY t.province, t.region
ORDER BY t.province
