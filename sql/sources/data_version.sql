-- title: Data version, build date, report and number of seed rows of the open database
-- params: none
SELECT meta_key, meta_value
FROM metadata
WHERE meta_key IN ('data_version', 'built_at', 'reports', 'seed_rows', 'schema_version')
ORDER BY meta_key
