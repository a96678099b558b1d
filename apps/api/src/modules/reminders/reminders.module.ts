import { Module } from '@nestjs/common';
import { ReminderLinks } from './reminder-links';
import { RemindersController } from './reminders.controller';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';

/** The API's half of reminders: settings (served within /api/settings) and the unsubscribe link. */
@Module({
  controllers: [RemindersController],
  providers: [RemindersService, RemindersRepository, ReminderLinks],
  exports: [RemindersService],
})
export class RemindersModule {}
