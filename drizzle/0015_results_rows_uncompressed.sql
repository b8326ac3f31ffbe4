-- A stored result row is about 2 KB of JSON (packed provenance, counts, shortcomings), just above the
-- point where PostgreSQL tries to compress it into TOAST; compressing 10 000 rows took half of the
-- insert time of a run (bench/score.bench.ts). Rows up to 8 KB are now kept as they are.
ALTER TABLE "result_organizations" SET (toast_tuple_target = 8160);
