-- title: Published carbon benchmarks of film and TV production (shared), with their sources
-- note: scopes differ (per shooting day, per production, per hour of content, a share): never compare across them
-- params: none
SELECT
    b.benchmark_id, b.study, b.scope, b.unit, b.benchmark_value, b.lower_value, b.upper_value, b.sample_size,
    b.data_period, b.published_year, b.label_fr, b.label_en, b.source_id, b.quality, s.url
FROM carbon_benchmarks b
JOIN sources s ON s.source_id = b.source_id
ORDER BY CASE b.scope WHEN 'per_shooting_day' THEN 1 WHEN 'per_production' THEN 2 WHEN 'per_hour' THEN 3 ELSE 4 END,
    b.benchmark_value DESC
