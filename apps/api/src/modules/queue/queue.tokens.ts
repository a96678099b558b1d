export const SYSTEM_QUEUE = Symbol('SYSTEM_QUEUE');
export const GRADING_QUEUE = Symbol('GRADING_QUEUE');
export const BULL_CONNECTION = Symbol('BULL_CONNECTION');
