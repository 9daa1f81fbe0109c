-- title: Number of places shown, by kind
-- params: place_ids (list of text)
SELECT p.kind, COUNT(*) AS place_count, COUNT(DISTINCT p.town) AS town_count
FROM places AS p
WHERE p.place_id IN :place_ids
GROUP BY p.kind
ORDER BY p.kind
