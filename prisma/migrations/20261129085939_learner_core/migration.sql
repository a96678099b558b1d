-- CreateEnum
CREATE TYPE "StudyKind" AS ENUM ('card', 'problem', 'lab');

-- CreateEnum
CREATE TYPE "MemoryState" AS ENUM ('new', 'learning', 'review', 'relearning');

-- CreateEnum
CREATE TYPE "Rating" AS ENUM ('again', 'hard', 'good', 'easy');

-- CreateEnum
CREATE TYPE "ReviewSource" AS ENUM ('review', 'outcome', 'override', 'undo', 'reset', 'set-due', 'known');

-- CreateEnum
CREATE TYPE "OptimizationStatus" AS ENUM ('queued', 'running', 'done', 'failed');

-- CreateTable
CREATE TABLE "DeckItem" (
    "deckSlug" TEXT NOT NULL,
    "kind" "StudyKind" NOT NULL,
    "refId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "DeckItem_pkey" PRIMARY KEY ("deckSlug","kind","refId")
);

-- CreateTable
CREATE TABLE "Enrollment" (
    "userId" UUID NOT NULL,
    "deckSlug" TEXT NOT NULL,
    "enrolledAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Enrollment_pkey" PRIMARY KEY ("userId","deckSlug")
);

-- CreateTable
CREATE TABLE "StudyState" (
    "userId" UUID NOT NULL,
    "kind" "StudyKind" NOT NULL,
    "refId" TEXT NOT NULL,
    "state" "MemoryState" NOT NULL DEFAULT 'new',
    "due" TIMESTAMPTZ(3) NOT NULL,
    "stability" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "difficulty" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "elapsedDays" INTEGER NOT NULL DEFAULT 0,
    "scheduledDays" INTEGER NOT NULL DEFAULT 0,
    "learningSteps" INTEGER NOT NULL DEFAULT 0,
    "reps" INTEGER NOT NULL DEFAULT 0,
    "lapses" INTEGER NOT NULL DEFAULT 0,
    "lastReview" TIMESTAMPTZ(3),
    "suspended" BOOLEAN NOT NULL DEFAULT false,
    "buriedUntil" TIMESTAMPTZ(3),
    "leech" BOOLEAN NOT NULL DEFAULT false,
    "newRank" BIGINT NOT NULL DEFAULT 0,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "retired" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StudyState_pkey" PRIMARY KEY ("userId","kind","refId")
);

-- CreateTable
CREATE TABLE "ReviewLog" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "StudyKind" NOT NULL,
    "refId" TEXT NOT NULL,
    "rating" "Rating",
    "source" "ReviewSource" NOT NULL,
    "reviewedAt" TIMESTAMPTZ(3) NOT NULL,
    "durationMs" INTEGER,
    "elapsedDays" INTEGER NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "early" BOOLEAN NOT NULL DEFAULT false,
    "stateBefore" "MemoryState" NOT NULL,
    "stateAfter" "MemoryState" NOT NULL,
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "clientReviewId" TEXT,
    "response" TEXT,
    "undoneAt" TIMESTAMPTZ(3),
    "revertsId" UUID,

    CONSTRAINT "ReviewLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudySettings" (
    "userId" UUID NOT NULL,
    "desiredRetention" DOUBLE PRECISION NOT NULL,
    "newCardsPerDay" INTEGER NOT NULL,
    "newProblemsPerDay" INTEGER NOT NULL,
    "newLabsPerDay" INTEGER NOT NULL,
    "reviewsPerDay" INTEGER NOT NULL,
    "steps" JSONB NOT NULL,
    "rolloverHour" INTEGER NOT NULL,
    "timezone" TEXT NOT NULL,
    "fuzz" BOOLEAN NOT NULL,
    "maximumIntervalDays" INTEGER NOT NULL,
    "leechThreshold" INTEGER NOT NULL,
    "fsrsWeights" DOUBLE PRECISION[],
    "optimizedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StudySettings_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "FsrsOptimization" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" "OptimizationStatus" NOT NULL DEFAULT 'queued',
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "reviewCount" INTEGER,
    "itemCount" INTEGER,
    "beforeLogLoss" DOUBLE PRECISION,
    "beforeRmse" DOUBLE PRECISION,
    "afterLogLoss" DOUBLE PRECISION,
    "afterRmse" DOUBLE PRECISION,
    "applied" BOOLEAN NOT NULL DEFAULT false,
    "weights" DOUBLE PRECISION[],
    "message" TEXT,

    CONSTRAINT "FsrsOptimization_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DeckItem_deckSlug_position_idx" ON "DeckItem"("deckSlug", "position");

-- CreateIndex
CREATE INDEX "DeckItem_kind_refId_idx" ON "DeckItem"("kind", "refId");

-- CreateIndex
-- The queues, as index-only scans over only the rows that can be shown (not suspended, not paused, not retired):
-- studied items by due time, new items by rank. The INCLUDE columns are what the queue sorts and filters on. The Prisma schema cannot express WHERE, and it compares columns
-- only, so these are not declared there and later migrations leave them alone.
CREATE INDEX "StudyState_due_queue_idx" ON "StudyState"("userId", "due")
    INCLUDE ("state", "stability", "lastReview", "buriedUntil", "kind", "refId")
    WHERE "state" <> 'new' AND NOT "suspended" AND NOT "paused" AND NOT "retired";

-- CreateIndex
CREATE INDEX "StudyState_new_queue_idx" ON "StudyState"("userId", "kind", "newRank")
    INCLUDE ("refId", "buriedUntil")
    WHERE "state" = 'new' AND NOT "suspended" AND NOT "paused" AND NOT "retired";

-- CreateIndex
-- The reviews that count (rated, not undone), by time: the daily limits and stats read them from the index alone.
CREATE INDEX "ReviewLog_counted_idx" ON "ReviewLog"("userId", "reviewedAt")
    INCLUDE ("kind", "stateBefore", "rating", "durationMs")
    WHERE "rating" IS NOT NULL AND "undoneAt" IS NULL;

-- CreateIndex
CREATE INDEX "ReviewLog_userId_seq_idx" ON "ReviewLog"("userId", "seq");

-- CreateIndex
CREATE INDEX "ReviewLog_userId_kind_refId_seq_idx" ON "ReviewLog"("userId", "kind", "refId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewLog_userId_clientReviewId_key" ON "ReviewLog"("userId", "clientReviewId");

-- CreateIndex
CREATE INDEX "FsrsOptimization_userId_requestedAt_idx" ON "FsrsOptimization"("userId", "requestedAt");

-- AddForeignKey
ALTER TABLE "DeckItem" ADD CONSTRAINT "DeckItem_deckSlug_fkey" FOREIGN KEY ("deckSlug") REFERENCES "Deck"("slug") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_deckSlug_fkey" FOREIGN KEY ("deckSlug") REFERENCES "Deck"("slug") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyState" ADD CONSTRAINT "StudyState_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewLog" ADD CONSTRAINT "ReviewLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudySettings" ADD CONSTRAINT "StudySettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FsrsOptimization" ADD CONSTRAINT "FsrsOptimization_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
