-- Issue 11 (speed): a format-2 part is about 2 KB of JSON text, half of them above the TOAST threshold. Stored
-- out of line without compression (as MetricSet's columns): compressing 5,000 parts with pglz cost more when a
-- release is frozen than the space it saves, and a dashboard reads one part at a time.

ALTER TABLE "PublicationPart" ALTER COLUMN "content" SET STORAGE EXTERNAL;
