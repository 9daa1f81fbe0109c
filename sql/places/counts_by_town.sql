-- title: Number of places shown, by town (labels at the town centre on the map)
-- params: place_ids (list of text)
SELECT p.town, t.latitude, t.longitude, COUNT(*) AS place_count
FROM places AS p
JOIN towns AS t ON t.town = p.town
WHERE p.place_id IN :place_ids
GROUP BY p.town, t.latitude, t.longitude
ORDER BY p.town
