-- Admin curation of decks and concept cards: authored rows beside the built-in ones, an admin status, card versions.

-- AlterTable
ALTER TABLE "Deck" ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'builtin',
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'published',
ADD COLUMN     "itemRefs" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "topicTitles" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "publishedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'builtin',
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'published',
ADD COLUMN     "publishedAt" TIMESTAMPTZ(3);

-- Existing rows are built-in content: published since they were created, archived when retired from the files.
UPDATE "Deck" SET "publishedAt" = "createdAt", "status" = CASE WHEN "retiredAt" IS NULL THEN 'published' ELSE 'archived' END;
UPDATE "Card" SET "publishedAt" = "createdAt", "status" = CASE WHEN "retiredAt" IS NULL THEN 'published' ELSE 'archived' END;

-- Not declared in schema.prisma (Prisma 6 cannot express CHECK constraints).
ALTER TABLE "Deck" ADD CONSTRAINT "Deck_source_check" CHECK ("source" IN ('builtin', 'authored'));
ALTER TABLE "Deck" ADD CONSTRAINT "Deck_status_check" CHECK ("status" IN ('draft', 'published', 'archived'));
ALTER TABLE "Card" ADD CONSTRAINT "Card_source_check" CHECK ("source" IN ('builtin', 'authored'));
ALTER TABLE "Card" ADD CONSTRAINT "Card_status_check" CHECK ("status" IN ('draft', 'published', 'archived'));

-- CreateTable
CREATE TABLE "CardVersion" (
    "id" UUID NOT NULL,
    "cardId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "front" TEXT NOT NULL,
    "back" TEXT NOT NULL,
    "tags" TEXT[],
    "topic" TEXT NOT NULL,
    "restoredFrom" INTEGER,
    "createdBy" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CardVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CardVersion_cardId_number_key" ON "CardVersion"("cardId", "number");

-- AddForeignKey
ALTER TABLE "CardVersion" ADD CONSTRAINT "CardVersion_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE CASCADE ON UPDATE CASCADE;
