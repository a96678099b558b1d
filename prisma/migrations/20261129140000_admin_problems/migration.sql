-- AlterTable
ALTER TABLE "Problem" ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'builtin',
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'published';

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "problemVersionId" UUID;

-- CreateTable
CREATE TABLE "ProblemVersion" (
    "id" UUID NOT NULL,
    "problemSlug" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "contentVersion" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "source" JSONB NOT NULL,
    "sourceHash" TEXT NOT NULL,
    "checkReport" JSONB,
    "checkedAt" TIMESTAMPTZ(3),
    "checkRequestedAt" TIMESTAMPTZ(3),
    "testSetHash" TEXT,
    "forkedFrom" TEXT,
    "createdById" UUID,
    "createdByEmail" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "publishedAt" TIMESTAMPTZ(3),
    "publishedById" UUID,
    "publishedByEmail" TEXT,

    CONSTRAINT "ProblemVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProblemTestSet" (
    "hash" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProblemTestSet_pkey" PRIMARY KEY ("hash")
);

-- CreateIndex
CREATE INDEX "ProblemVersion_problemSlug_state_idx" ON "ProblemVersion"("problemSlug", "state");

-- CreateIndex
CREATE INDEX "ProblemVersion_createdById_idx" ON "ProblemVersion"("createdById");

-- CreateIndex
CREATE INDEX "ProblemVersion_publishedById_idx" ON "ProblemVersion"("publishedById");

-- CreateIndex
CREATE UNIQUE INDEX "ProblemVersion_problemSlug_number_key" ON "ProblemVersion"("problemSlug", "number");

-- CreateIndex
CREATE INDEX "Problem_source_status_idx" ON "Problem"("source", "status");

-- AddForeignKey
ALTER TABLE "ProblemVersion" ADD CONSTRAINT "ProblemVersion_problemSlug_fkey" FOREIGN KEY ("problemSlug") REFERENCES "Problem"("slug") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemVersion" ADD CONSTRAINT "ProblemVersion_testSetHash_fkey" FOREIGN KEY ("testSetHash") REFERENCES "ProblemTestSet"("hash") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemVersion" ADD CONSTRAINT "ProblemVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_problemVersionId_fkey" FOREIGN KEY ("problemVersionId") REFERENCES "ProblemVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- At most one draft and one published version per problem (the Prisma schema cannot express WHERE).
CREATE UNIQUE INDEX "ProblemVersion_one_draft_one_published" ON "ProblemVersion"("problemSlug", "state")
    WHERE "state" IN ('draft', 'published');

-- Existing rows are built-in content: retired ones are archived (learners see a problem iff retiredAt is null,
-- kept equal to status = 'published').
UPDATE "Problem" SET "status" = 'archived' WHERE "retiredAt" IS NOT NULL;
