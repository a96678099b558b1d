import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ZAuditQuery, type TAuditPage, type TAuditQuery } from '@prep/contracts';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { Roles, SessionGuard } from '../auth/session.guard';
import { AuditService } from './audit.service';

@Controller('admin/audit')
@UseGuards(SessionGuard)
@Roles('admin')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  list(@Query(new ZodValidationPipe(ZAuditQuery)) query: TAuditQuery): Promise<TAuditPage> {
    return this.audit.list(query);
  }
}
