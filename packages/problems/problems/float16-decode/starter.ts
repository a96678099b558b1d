/**
 * The number encoded by the IEEE 754 binary16 bit pattern `bits` (0..65535).
 */
function fromFloat16Bits(bits: number): number {
  // Your code here.
  return 0;
}
