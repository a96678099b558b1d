import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { AppError } from './app-error';

/** Validates a body, query or param against a contract schema; 400 names every bad field. */
@Injectable()
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown, metadata: ArgumentMetadata): z.infer<S> {
    const result = this.schema.safeParse(value ?? (metadata.type === 'body' ? undefined : {}));
    if (result.success) return result.data;
    throw AppError.validation(
      result.error.issues.map((issue) => {
        const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
        const path = [metadata.type, ...issue.path.map(String), ...(keys.length === 1 ? keys : [])].join('.');
        return { path, message: issue.message };
      }),
    );
  }
}
