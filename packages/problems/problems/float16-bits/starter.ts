/**
 * The IEEE 754 binary16 bit pattern (0..65535) of x, rounded to nearest, ties to even.
 */
function toFloat16Bits(x: number): number {
  // Your code here.
  return 0;
}
