-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "conceptPulls" JSONB;
