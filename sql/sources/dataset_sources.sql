-- title: Source sections cited by each dataset, with the number of rows citing each
-- params: year (int: the report)
SELECT 'works' AS dataset, source_id, COUNT(*) AS row_count FROM works WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'work_directors' AS dataset, source_id, COUNT(*) AS row_count FROM work_directors WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'work_countries' AS dataset, source_id, COUNT(*) AS row_count FROM work_countries WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'report_aggregates' AS dataset, source_id, COUNT(*) AS row_count FROM report_aggregates WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'spend_by_post' AS dataset, source_id, COUNT(*) AS row_count FROM spend_by_post WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'directors_summary' AS dataset, source_id, COUNT(*) AS row_count FROM directors_summary WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'shooting_activity' AS dataset, source_id, COUNT(*) AS row_count FROM shooting_activity WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'shooting_activity_totals' AS dataset, source_id, COUNT(*) AS row_count FROM shooting_activity_totals WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'shooting_spend_per_day' AS dataset, source_id, COUNT(*) AS row_count FROM shooting_spend_per_day WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'shooting_spend_per_day_posts' AS dataset, source_id, COUNT(*) AS row_count FROM shooting_spend_per_day_posts WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'scenario_inputs' AS dataset, source_id, COUNT(*) AS row_count FROM scenario_inputs WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'scenario_published' AS dataset, source_id, COUNT(*) AS row_count FROM scenario_published WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'scenario_published_totals' AS dataset, source_id, COUNT(*) AS row_count FROM scenario_published_totals WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'carbon_shoots' AS dataset, source_id, COUNT(*) AS row_count FROM carbon_shoots WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'carbon_shoot_categories' AS dataset, source_id, COUNT(*) AS row_count FROM carbon_shoot_categories WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'carbon_footprints' AS dataset, source_id, COUNT(*) AS row_count FROM carbon_footprints WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'carbon_posts' AS dataset, source_id, COUNT(*) AS row_count FROM carbon_posts WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'facts' AS dataset, source_id, COUNT(*) AS row_count FROM facts WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'catalogue_counts' AS dataset, source_id, COUNT(*) AS row_count FROM catalogue_counts WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'catalogue_totals' AS dataset, source_id, COUNT(*) AS row_count FROM catalogue_totals WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'gaming_agreements' AS dataset, source_id, COUNT(*) AS row_count FROM gaming_agreements WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'gaming_agreement_totals' AS dataset, source_id, COUNT(*) AS row_count FROM gaming_agreement_totals WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'gaming_call' AS dataset, source_id, COUNT(*) AS row_count FROM gaming_call WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'gaming_call_totals' AS dataset, source_id, COUNT(*) AS row_count FROM gaming_call_totals WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'tv_format_waves' AS dataset, source_id, COUNT(*) AS row_count FROM tv_format_waves WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'portfolio_companies' AS dataset, source_id, COUNT(*) AS row_count FROM portfolio_companies WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'portfolio_memberships' AS dataset, source_id, COUNT(*) AS row_count FROM portfolio_memberships WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'portfolio_outstanding' AS dataset, source_id, COUNT(*) AS row_count FROM portfolio_outstanding WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'enterprise_investments' AS dataset, source_id, COUNT(*) AS row_count FROM enterprise_investments WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'enterprise_returns' AS dataset, source_id, COUNT(*) AS row_count FROM enterprise_returns WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'coproduction_receipts' AS dataset, source_id, COUNT(*) AS row_count FROM coproduction_receipts WHERE report_year = :year GROUP BY source_id
UNION ALL
SELECT 'carbon_tools' AS dataset, source_id, COUNT(*) AS row_count FROM carbon_tools GROUP BY source_id
UNION ALL
SELECT 'carbon_benchmarks' AS dataset, source_id, COUNT(*) AS row_count FROM carbon_benchmarks GROUP BY source_id
UNION ALL
SELECT 'history' AS dataset, source_id, COUNT(*) AS row_count FROM history GROUP BY source_id
UNION ALL
SELECT 'places' AS dataset, source_id, COUNT(*) AS row_count FROM places GROUP BY source_id
UNION ALL
SELECT 'towns' AS dataset, source_id, COUNT(*) AS row_count FROM towns GROUP BY source_id
UNION ALL
SELECT 'discrepancies' AS dataset, source_id, COUNT(*) AS row_count
FROM (
    SELECT source_a AS source_id FROM discrepancies WHERE report_year = :year
    UNION ALL
    SELECT source_b AS source_id FROM discrepancies WHERE report_year = :year
) AS cited
GROUP BY source_id
ORDER BY dataset, source_id
