-- title: Rows of every dataset by quality flag (reported, derived, approximate, estimated)
-- params: year (int: the report)
-- note: towns has no quality column; its GeoNames coordinates are counted as reported (by GeoNames).
SELECT 1 AS ordinal, 'works' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM works
WHERE report_year = :year
UNION ALL
SELECT 2 AS ordinal, 'work_directors' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM work_directors
WHERE report_year = :year
UNION ALL
SELECT 3 AS ordinal, 'work_countries' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM work_countries
WHERE report_year = :year
UNION ALL
SELECT 4 AS ordinal, 'report_aggregates' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM report_aggregates
WHERE report_year = :year
UNION ALL
SELECT 5 AS ordinal, 'spend_by_post' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM spend_by_post
WHERE report_year = :year
UNION ALL
SELECT 6 AS ordinal, 'directors_summary' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM directors_summary
WHERE report_year = :year
UNION ALL
SELECT 7 AS ordinal, 'shooting_activity' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM shooting_activity
WHERE report_year = :year
UNION ALL
SELECT 8 AS ordinal, 'shooting_activity_totals' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM shooting_activity_totals
WHERE report_year = :year
UNION ALL
SELECT 9 AS ordinal, 'shooting_spend_per_day' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM shooting_spend_per_day
WHERE report_year = :year
UNION ALL
SELECT 10 AS ordinal, 'shooting_spend_per_day_posts' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM shooting_spend_per_day_posts
WHERE report_year = :year
UNION ALL
SELECT 11 AS ordinal, 'scenario_inputs' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM scenario_inputs
WHERE report_year = :year
UNION ALL
SELECT 12 AS ordinal, 'scenario_published' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM scenario_published
WHERE report_year = :year
UNION ALL
SELECT 13 AS ordinal, 'scenario_published_totals' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM scenario_published_totals
WHERE report_year = :year
UNION ALL
SELECT 14 AS ordinal, 'carbon_shoots' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM carbon_shoots
WHERE report_year = :year
UNION ALL
SELECT 14.5 AS ordinal, 'carbon_shoot_categories' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM carbon_shoot_categories
WHERE report_year = :year
UNION ALL
SELECT 15 AS ordinal, 'carbon_footprints' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM carbon_footprints
WHERE report_year = :year
UNION ALL
SELECT 16 AS ordinal, 'carbon_posts' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM carbon_posts
WHERE report_year = :year
UNION ALL
SELECT 17 AS ordinal, 'facts' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM facts
WHERE report_year = :year
UNION ALL
SELECT 18 AS ordinal, 'catalogue_counts' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM catalogue_counts
WHERE report_year = :year
UNION ALL
SELECT 19 AS ordinal, 'catalogue_totals' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM catalogue_totals
WHERE report_year = :year
UNION ALL
SELECT 20 AS ordinal, 'gaming_agreements' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM gaming_agreements
WHERE report_year = :year
UNION ALL
SELECT 21 AS ordinal, 'gaming_agreement_totals' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM gaming_agreement_totals
WHERE report_year = :year
UNION ALL
SELECT 22 AS ordinal, 'gaming_call' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM gaming_call
WHERE report_year = :year
UNION ALL
SELECT 23 AS ordinal, 'gaming_call_totals' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM gaming_call_totals
WHERE report_year = :year
UNION ALL
SELECT 24 AS ordinal, 'tv_format_waves' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM tv_format_waves
WHERE report_year = :year
UNION ALL
SELECT 25 AS ordinal, 'portfolio_companies' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM portfolio_companies
WHERE report_year = :year
UNION ALL
SELECT 26 AS ordinal, 'portfolio_memberships' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM portfolio_memberships
WHERE report_year = :year
UNION ALL
SELECT 27 AS ordinal, 'portfolio_outstanding' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM portfolio_outstanding
WHERE report_year = :year
UNION ALL
SELECT 28 AS ordinal, 'enterprise_investments' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM enterprise_investments
WHERE report_year = :year
UNION ALL
SELECT 29 AS ordinal, 'enterprise_returns' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM enterprise_returns
WHERE report_year = :year
UNION ALL
SELECT 30 AS ordinal, 'coproduction_receipts' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM coproduction_receipts
WHERE report_year = :year
UNION ALL
SELECT 30.1 AS ordinal, 'carbon_tools' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM carbon_tools
UNION ALL
SELECT 30.2 AS ordinal, 'carbon_benchmarks' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM carbon_benchmarks
UNION ALL
SELECT 31 AS ordinal, 'history' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM history
UNION ALL
SELECT 32 AS ordinal, 'places' AS dataset, COUNT(*) AS rows_total,
    COALESCE(SUM(CASE WHEN quality = 'reported' THEN 1 ELSE 0 END), 0) AS rows_reported,
    COALESCE(SUM(CASE WHEN quality = 'derived' THEN 1 ELSE 0 END), 0) AS rows_derived,
    COALESCE(SUM(CASE WHEN quality = 'approximate' THEN 1 ELSE 0 END), 0) AS rows_approximate,
    COALESCE(SUM(CASE WHEN quality = 'estimated' THEN 1 ELSE 0 END), 0) AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM places
UNION ALL
SELECT 33 AS ordinal, 'towns' AS dataset, COUNT(*) AS rows_total,
    COUNT(*) AS rows_reported,
    0 AS rows_derived,
    0 AS rows_approximate,
    0 AS rows_estimated,
    COUNT(DISTINCT source_id) AS source_count
FROM towns
ORDER BY ordinal
