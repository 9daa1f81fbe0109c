-- title: French text of the English free-text values (notes, printed labels)
-- params: none
SELECT text_en, text_fr
FROM text_translations
ORDER BY text_en
