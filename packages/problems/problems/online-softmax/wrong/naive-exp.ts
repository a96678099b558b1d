// expect: wrong_answer
// Textbook softmax without subtracting the maximum: e^1000 is Infinity, so large scores give NaN.
function onlineSoftmax(scores: number[], blockSize: number): number[] {
  let sum = 0;
  for (let start = 0; start < scores.length; start += blockSize) {
    for (let i = start; i < Math.min(scores.length, start + blockSize); i++) sum += Math.exp(scores[i]!);
  }
  return scores.map((x) => Math.exp(x) / sum);
}
