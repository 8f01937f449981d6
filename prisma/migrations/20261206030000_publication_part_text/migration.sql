-- Issue 11 (speed): institution parts of a publication are stored in format 2 (CompactPart, app/_domain/
-- publications/part-format.ts) as the canonical JSON text that is hashed, in "content". Nothing queries inside a
-- part, and PostgreSQL parsing 5,000 parts into jsonb was a quarter of a release's freezing time. Parts already
-- published keep their jsonb "data" untouched (format 1) and are read as they are.

ALTER TABLE "PublicationPart" ALTER COLUMN "data" DROP NOT NULL;
ALTER TABLE "PublicationPart" ADD COLUMN "content" TEXT;
