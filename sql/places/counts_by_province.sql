-- title: Number of places shown, by province
-- source: places table (section per row); province from towns (GeoNames point in Natural Earth polygon)
-- params: place_ids (list of text)
SELECT t.province, t.region, COUNT(*) AS place_count, COUNT(DISTINCT p.town) AS town_count
FROM places AS p
JOIN towns AS t ON t.town = p.town
WHERE p.place_id IN :place_ids
GROUP BY t.province, t.region
ORDER BY t.province
