import { type DynamicModule, Global, Injectable, Module } from '@nestjs/common';

/**
 * Every "now" in the API and the worker comes from here, so tests can walk a learner through simulated days
 * (override the provider with a ManualClock). Never call `new Date()` or `Date.now()` for domain time elsewhere.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock tests move by hand. */
export class ManualClock extends Clock {
  private current: number;

  constructor(start: Date | string = '2026-01-01T12:00:00.000Z') {
    super();
    this.current = new Date(start).getTime();
  }

  override now(): Date {
    return new Date(this.current);
  }

  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

/** Provides the Clock everywhere; tests pass a ManualClock to `createHttpApp(env, { clock })`. */
@Global()
@Module({})
export class ClockModule {
  static forRoot(clock: Clock = new Clock()): DynamicModule {
    return { module: ClockModule, providers: [{ provide: Clock, useValue: clock }], exports: [Clock] };
  }
}
