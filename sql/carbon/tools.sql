-- title: Carbon calculators (shared), each with the page that describes it
-- params: none
SELECT tool, name, version, publisher, url, source_id, quality
FROM carbon_tools
ORDER BY name
