-- title: Co-production totals of the selected works of the report by origin
-- params: year (int), sectors (list), work_types (list), origins (list), roles (list)
SELECT
    origin AS code,
    COUNT(*) AS works,
    CAST(SUM(investment_cents) AS BIGINT) AS investment_cents,
    CAST(SUM(walloon_spend_cents) AS BIGINT) AS walloon_spend_cents
FROM works
WHERE report_year = :year
    AND sector IN :sectors
    AND work_type IN :work_types
    AND origin IN :origins
    AND coproduction_role IN :roles
GROUP BY origin
ORDER BY SUM(investment_cents) DESC, origin
