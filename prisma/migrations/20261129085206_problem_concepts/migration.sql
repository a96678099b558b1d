-- CreateTable
CREATE TABLE "ProblemConcept" (
    "problemSlug" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "conceptOrder" INTEGER,
    "practiceOrder" INTEGER NOT NULL,

    CONSTRAINT "ProblemConcept_pkey" PRIMARY KEY ("problemSlug","cardId")
);

-- CreateIndex
CREATE INDEX "ProblemConcept_cardId_idx" ON "ProblemConcept"("cardId");

-- AddForeignKey
ALTER TABLE "ProblemConcept" ADD CONSTRAINT "ProblemConcept_problemSlug_fkey" FOREIGN KEY ("problemSlug") REFERENCES "Problem"("slug") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemConcept" ADD CONSTRAINT "ProblemConcept_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE CASCADE ON UPDATE CASCADE;
