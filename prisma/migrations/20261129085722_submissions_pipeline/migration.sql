-- DropIndex
DROP INDEX "Submission_userId_problemSlug_idx";

-- AlterTable
ALTER TABLE "Problem" ADD COLUMN     "editorial" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "referenceCode" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "attemptId" UUID,
ADD COLUMN     "customTests" JSONB,
ADD COLUMN     "finishedAt" TIMESTAMPTZ(3),
ADD COLUMN     "gradeAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "passed" INTEGER,
ADD COLUMN     "runtimeMs" DOUBLE PRECISION,
ADD COLUMN     "startedAt" TIMESTAMPTZ(3),
ADD COLUMN     "total" INTEGER;

-- CreateTable
CREATE TABLE "ProblemAttempt" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "problemSlug" TEXT NOT NULL,
    "openedAt" TIMESTAMPTZ(3),
    "hintsRevealed" INTEGER NOT NULL DEFAULT 0,
    "firstHintAt" TIMESTAMPTZ(3),
    "revealedAt" TIMESTAMPTZ(3),
    "decidedAt" TIMESTAMPTZ(3),
    "rating" TEXT,
    "outcomeReason" TEXT,
    "decidedBySubmissionId" UUID,
    "outcomeDue" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProblemAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProblemDraft" (
    "userId" UUID NOT NULL,
    "problemSlug" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "clientUpdatedAt" TIMESTAMPTZ(3) NOT NULL,
    "savedAt" TIMESTAMPTZ(3) NOT NULL,
    "attemptId" UUID,

    CONSTRAINT "ProblemDraft_pkey" PRIMARY KEY ("userId","problemSlug")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProblemAttempt_decidedBySubmissionId_key" ON "ProblemAttempt"("decidedBySubmissionId");

-- CreateIndex
CREATE INDEX "ProblemAttempt_userId_problemSlug_createdAt_idx" ON "ProblemAttempt"("userId", "problemSlug", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "ProblemAttempt_decidedAt_createdAt_idx" ON "ProblemAttempt"("decidedAt", "createdAt");

-- CreateIndex
CREATE INDEX "Submission_userId_problemSlug_createdAt_idx" ON "Submission"("userId", "problemSlug", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Submission_userId_status_idx" ON "Submission"("userId", "status");

-- CreateIndex
CREATE INDEX "Submission_status_createdAt_idx" ON "Submission"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Submission_attemptId_idx" ON "Submission"("attemptId");

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "ProblemAttempt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemAttempt" ADD CONSTRAINT "ProblemAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemAttempt" ADD CONSTRAINT "ProblemAttempt_problemSlug_fkey" FOREIGN KEY ("problemSlug") REFERENCES "Problem"("slug") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemDraft" ADD CONSTRAINT "ProblemDraft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemDraft" ADD CONSTRAINT "ProblemDraft_problemSlug_fkey" FOREIGN KEY ("problemSlug") REFERENCES "Problem"("slug") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemDraft" ADD CONSTRAINT "ProblemDraft_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "ProblemAttempt"("id") ON DELETE SET NULL ON UPDATE CASCADE;
