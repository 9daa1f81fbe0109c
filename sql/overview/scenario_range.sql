-- title: Range of the published shooting-day scenarios (25 % to 100 %)
-- params: year (int: the report)
SELECT
    CAST(MIN(total_cents) AS BIGINT) AS low_total_cents,
    CAST(MAX(total_cents) AS BIGINT) AS high_total_cents,
    MIN(source_id) AS source_id,
    -- One quality for the range: the scenarios' own when they agree ('approximate' before 'reported' when not).
    MIN(quality) AS quality
FROM scenario_published_totals
WHERE report_year = :year
