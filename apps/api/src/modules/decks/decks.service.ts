import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type TDeckDetailResponse,
  type TDeckItemsQuery,
  type TDeckListResponse,
  type TDeckSummary,
  type TEnrollResponse,
} from '@prep/contracts';
import { AppError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import { SettingsService } from '../settings/settings.service';
import { StudyItemsReader } from '../study/study-items.reader';
import { type DeckRowWithCounts, DecksRepository } from './decks.repository';
import { EnrollmentRepository } from './enrollment.repository';

function toSummary(row: DeckRowWithCounts): TDeckSummary {
  return { ...row, enrolled: row.enrolledAt !== null, enrolledAt: row.enrolledAt?.toISOString() ?? null };
}

@Injectable()
export class DecksService {
  constructor(
    private readonly decks: DecksRepository,
    private readonly enrollments: EnrollmentRepository,
    private readonly items: StudyItemsReader,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  async list(userId: string): Promise<TDeckListResponse> {
    return { decks: (await this.decks.decksWithCounts(userId, this.clock.now())).map(toSummary) };
  }

  async detail(userId: string, slug: string, query: TDeckItemsQuery): Promise<TDeckDetailResponse> {
    const now = this.clock.now();
    const deck = await this.summary(userId, slug, now);
    const [page, tags, learner] = await Promise.all([
      this.decks.deckItems(userId, slug, query, now),
      this.decks.deckTags(slug),
      this.settings.forScheduling(userId),
    ]);
    const items = await this.items.studyItems(userId, page.items, learner, now);
    const positions = new Map(page.items.map((i) => [`${i.kind}:${i.refId}`, i.position]));
    return {
      deck,
      items: items.map((item) => ({ ...item, position: positions.get(item.id) ?? 0 })),
      total: page.total,
      limit: query.limit,
      offset: query.offset,
      tags,
    };
  }

  async enroll(userId: string, slug: string): Promise<TEnrollResponse> {
    const now = this.clock.now();
    await this.summary(userId, slug, now);
    await this.enrollments.enroll(userId, slug, now);
    return { deck: await this.summary(userId, slug, now) };
  }

  async unenroll(userId: string, slug: string): Promise<TEnrollResponse> {
    const now = this.clock.now();
    await this.summary(userId, slug, now);
    await this.enrollments.unenroll(userId, slug, now);
    return { deck: await this.summary(userId, slug, now) };
  }

  private async summary(userId: string, slug: string, now: Date): Promise<TDeckSummary> {
    const [row] = await this.decks.decksWithCounts(userId, now, slug);
    if (!row) throw new AppError(ErrorCode.NotFound, 'No such deck');
    return toSummary(row);
  }
}
