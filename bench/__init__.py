"""Performance benchmark (`make bench`), synthetic 100× database and browser helpers shared with the tests."""
