-- title: Co-production totals by sector
-- params: year
SELECT
    sector,
    COUNT(*) AS works,
    CAST(SUM(investment_cents) AS BIGINT) AS investment_cents,
    CAST(SUM(walloon_spend_cents) AS BIGINT) AS walloon_spend_cents,
    MIN(source_id) AS source_id
FROM works
WHERE report_year = :year
GROUP BY sector
ORDER BY SUM(investment_cents) DESC
