-- title: Walloon spend by post for each sector (and all sectors)
-- params: year (int: the report), sectors (list)
SELECT sector, post, amount_cents, share_printed_bp, source_id, quality, note
FROM spend_by_post
WHERE report_year = :year AND sector IN :sectors
ORDER BY sector, amount_cents DESC, post
