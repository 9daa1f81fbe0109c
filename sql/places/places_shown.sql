-- title: Places located by the sources, with their town, province and region
-- note: coordinates are the town centre (coordinate_precision = town), hence approximate
-- params: kinds (list of text), statuses (list of text)
SELECT
    p.place_id,
    p.name,
    p.kind,
    p.town,
    t.province,
    t.region,
    p.status,
    p.portfolio_company,
    p.description_fr,
    p.description_en,
    p.latitude,
    p.longitude,
    p.coordinate_precision,
    p.source_id,
    p.quality,
    p.note
FROM places AS p
JOIN towns AS t ON t.town = p.town
WHERE p.kind IN :kinds
  AND p.status IN :statuses
ORDER BY p.town, p.place_id
