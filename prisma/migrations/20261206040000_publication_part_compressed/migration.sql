-- Undoes 20261206035500: uncompressed, a 5,000-institution release's parts take 21.8 MB instead of 9.8 MB, and
-- the benchmark could not show the saving in CPU time above the machine's noise (docs/benchmarks.md, 2026-12-06).
-- Parts are compressed again (PostgreSQL's default for text); parts written meanwhile stay as they were stored.

ALTER TABLE "PublicationPart" ALTER COLUMN "content" SET STORAGE EXTENDED;
