-- title: Sections the selected works of the report come from, in the report's order, with their number of works
-- params: year (int), sectors (list), work_types (list), origins (list), roles (list)
SELECT source_id, COUNT(*) AS works
FROM works
WHERE report_year = :year
    AND sector IN :sectors
    AND work_type IN :work_types
    AND origin IN :origins
    AND coproduction_role IN :roles
GROUP BY source_id
ORDER BY MIN(work_id), source_id
