/**
 * Binary logistic regression over sparse binary features (string names), trained by deterministic full-batch
 * gradient descent with L2 regularisation. Used by the trigger-filter experiment.
 */
export type Weights = Record<string, number>;

export interface TrainOptions {
  iterations?: number;
  rate?: number;
  l2?: number;
}

/** Probability that the example with features `f` is positive. */
export function predict(w: Weights, f: readonly string[]): number {
  let z = 0;
  for (const k of f) z += w[k] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** Train on examples `xs` with labels `ys` (0/1). */
export function train(
  xs: readonly (readonly string[])[],
  ys: readonly number[],
  o: TrainOptions = {},
): Weights {
  const iterations = o.iterations ?? 300;
  const rate = o.rate ?? 0.5;
  const l2 = o.l2 ?? 0.01;
  const w: Weights = {};
  const n = xs.length;
  for (let it = 0; it < iterations; it++) {
    const grad: Record<string, number> = {};
    for (let k = 0; k < n; k++) {
      const f = xs[k] as readonly string[];
      const err = predict(w, f) - (ys[k] as number);
      for (const name of f) grad[name] = (grad[name] ?? 0) + err;
    }
    for (const [name, g] of Object.entries(grad)) {
      const cur = w[name] ?? 0;
      const reg = name === 'bias' ? 0 : l2 * cur;
      w[name] = cur - rate * (g / n + reg);
    }
  }
  return w;
}

/** Averaged perceptron (labels 0/1, deterministic order), returned as weights usable by `predict`. */
export function trainPerceptron(
  xs: readonly (readonly string[])[],
  ys: readonly number[],
  epochs = 10,
): Weights {
  const w: Weights = {};
  const acc: Weights = {};
  let c = 1;
  for (let ep = 0; ep < epochs; ep++) {
    for (let k = 0; k < xs.length; k++) {
      const f = xs[(k * 7919 + ep * 104729) % xs.length] as readonly string[];
      const y = (ys[(k * 7919 + ep * 104729) % xs.length] as number) ? 1 : -1;
      let z = 0;
      for (const n of f) z += w[n] ?? 0;
      if (y * z <= 0) {
        for (const n of f) {
          w[n] = (w[n] ?? 0) + y;
          acc[n] = (acc[n] ?? 0) + c * y;
        }
      }
      c++;
    }
  }
  const out: Weights = {};
  for (const [n, v] of Object.entries(w)) out[n] = v - (acc[n] ?? 0) / c;
  return out;
}
