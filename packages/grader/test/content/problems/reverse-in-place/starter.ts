function reverse(xs: number[]): void {}
