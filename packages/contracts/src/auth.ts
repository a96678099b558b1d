import { z } from 'zod';

export const ZRole = z.enum(['learner', 'admin']);
export type TRole = z.infer<typeof ZRole>;

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'must be a valid email address' }));

export const ZPassword = z
  .string()
  .min(10, { message: 'must be at least 10 characters' })
  .max(256, { message: 'must be at most 256 characters' });

export const ZRegisterRequest = z.strictObject({
  email: ZEmail,
  password: ZPassword,
  displayName: z.string().trim().min(1).max(80).optional(),
});
export type TRegisterRequest = z.infer<typeof ZRegisterRequest>;

export const ZLoginRequest = z.strictObject({
  email: ZEmail,
  password: z.string().min(1).max(256),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZUser = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string().nullable(),
  role: ZRole,
  createdAt: z.iso.datetime(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZMeResponse = z.object({ user: ZUser });
export type TMeResponse = z.infer<typeof ZMeResponse>;

/** The cookie that carries the opaque session token. */
export const SESSION_COOKIE = 'prep_session';
