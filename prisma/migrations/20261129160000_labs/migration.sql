-- CreateTable
CREATE TABLE "Lab" (
    "slug" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "difficulty" TEXT NOT NULL,
    "tags" TEXT[],
    "decks" TEXT[],
    "device" TEXT NOT NULL,
    "detail" JSONB NOT NULL,
    "editorial" TEXT NOT NULL DEFAULT '',
    "contentHash" TEXT NOT NULL,
    "retiredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Lab_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "LabSubmission" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "labSlug" TEXT NOT NULL,
    "labVersion" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "verdict" TEXT,
    "device" TEXT,
    "result" JSONB,
    "worker" JSONB,
    "attempt" INTEGER,
    "outcomeRating" TEXT,
    "outcomeDue" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LabSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LabDraft" (
    "userId" UUID NOT NULL,
    "labSlug" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "clientUpdatedAt" TIMESTAMPTZ(3) NOT NULL,
    "savedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LabDraft_pkey" PRIMARY KEY ("userId","labSlug")
);

-- CreateIndex
CREATE INDEX "LabSubmission_userId_labSlug_createdAt_idx" ON "LabSubmission"("userId", "labSlug", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "LabSubmission_userId_status_idx" ON "LabSubmission"("userId", "status");

-- CreateIndex
CREATE INDEX "LabSubmission_status_createdAt_idx" ON "LabSubmission"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "LabSubmission" ADD CONSTRAINT "LabSubmission_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabSubmission" ADD CONSTRAINT "LabSubmission_labSlug_fkey" FOREIGN KEY ("labSlug") REFERENCES "Lab"("slug") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabDraft" ADD CONSTRAINT "LabDraft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabDraft" ADD CONSTRAINT "LabDraft_labSlug_fkey" FOREIGN KEY ("labSlug") REFERENCES "Lab"("slug") ON DELETE RESTRICT ON UPDATE CASCADE;

