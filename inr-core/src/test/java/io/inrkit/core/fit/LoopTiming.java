package io.inrkit.core.fit;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Times the inner loops whose design the comments of {@link Kernels} and {@code TernaryInr}
 * explain, on one thread: the fused engine's sin+cos loop against ND4J's sin, the bias as its own
 * pass against the bias fused into the sine loop, and the ternary network's sum over non-zero
 * codes with the sign as a factor against the same sum with a branch on the sign. A measurement
 * tool, not a test (docs/FITTING.md and docs/QUANTIZATION.md quote its output):
 *
 * <pre>
 * mvn -q test-compile -pl inr-core
 * mvn -q dependency:build-classpath -pl inr-core -Dmdep.outputFile=/tmp/cp.txt
 * java -cp inr-core/target/test-classes:inr-core/target/classes:$(cat /tmp/cp.txt) io.inrkit.core.fit.LoopTiming
 * </pre>
 */
public final class LoopTiming {

    /** One block of the fused engine: 8192 rows at width 256. */
    private static final int ROWS = 8192;
    private static final int WIDTH = 256;
    private static final int N = ROWS * WIDTH;
    private static final float OMEGA = 30f;
    private static final int WARMUP = 15;
    private static final int RUNS = 25;

    private LoopTiming() {
    }

    public static void main(String[] args) {
        InrFitter.setThreads(1);
        SplittableRandom rnd = new SplittableRandom(1);
        float[] z = new float[N];
        for (int i = 0; i < N; i++) {
            z[i] = (float) (rnd.nextDouble() * 2 - 1) / OMEGA * 4;
        }
        float[] bias = new float[WIDTH];
        float[] sin = new float[N];
        float[] cos = new float[N];
        System.out.println("one thread; ns per element (or per term): best of " + RUNS + ", median");
        report("sin+cos, Kernels.sinCos", N, () -> Kernels.sinCos(z, 0, N, OMEGA, sin, cos));
        report("bias pass, then sin+cos (Kernels.sineForward)", N,
                () -> Kernels.sineForward(z, bias, 0, ROWS, WIDTH, OMEGA, sin, cos));
        report("bias fused into the sin+cos loop", N, () -> fusedSineForward(z, bias, sin, cos));
        INDArray values = Nd4j.create(z, new long[] {ROWS, WIDTH}, 'c');
        report("ND4J sin, in place (Transforms.sin)", N, () -> Transforms.sin(values, false));
        report("ND4J sin and cos, new arrays", N, () -> {
            Transforms.sin(values, true).close();
            Transforms.cos(values, true).close();
        });

        // A ternary layer of width 256, two thirds of its codes non-zero, signs at random.
        int outputs = 256;
        int inputs = 256;
        double[] x = new double[inputs];
        for (int i = 0; i < inputs; i++) {
            x[i] = rnd.nextGaussian();
        }
        int[][] index = new int[outputs][];
        double[][] sign = new double[outputs][];
        int terms = 0;
        for (int j = 0; j < outputs; j++) {
            int[] idx = new int[inputs];
            double[] s = new double[inputs];
            int n = 0;
            for (int i = 0; i < inputs; i++) {
                int code = rnd.nextInt(3) - 1;
                if (code != 0) {
                    idx[n] = i;
                    s[n++] = code;
                }
            }
            index[j] = Arrays.copyOf(idx, n);
            sign[j] = Arrays.copyOf(s, n);
            terms += n;
        }
        double[] y = new double[outputs];
        int positions = 64;
        report("ternary sum, sign as a factor (TernaryInr)", (long) terms * positions, () -> {
            for (int p = 0; p < positions; p++) {
                for (int j = 0; j < outputs; j++) {
                    double acc = 0;
                    int[] idx = index[j];
                    double[] s = sign[j];
                    for (int k = 0; k < idx.length; k++) {
                        acc += s[k] * x[idx[k]];
                    }
                    y[j] += acc;
                }
            }
        });
        report("ternary sum, branch on the sign", (long) terms * positions, () -> {
            for (int p = 0; p < positions; p++) {
                for (int j = 0; j < outputs; j++) {
                    double acc = 0;
                    int[] idx = index[j];
                    double[] s = sign[j];
                    for (int k = 0; k < idx.length; k++) {
                        if (s[k] > 0) {
                            acc += x[idx[k]];
                        } else {
                            acc -= x[idx[k]];
                        }
                    }
                    y[j] += acc;
                }
            }
        });
        System.out.println("(checksum " + (sin[7] + cos[11] + y[3]) + ")");
    }

    /** {@link Kernels#sineForward} with the bias added inside the sine loop instead of before it. */
    private static void fusedSineForward(float[] z, float[] bias, float[] sin, float[] cos) {
        final float inv2Pi = (float) (1 / (2 * Math.PI));
        final float round = 12582912f;
        final float twoPiHi = 6.28318548f;
        final float twoPiLo = (float) (2 * Math.PI - 6.28318548);
        for (int r = 0; r < ROWS; r++) {
            int base = r * WIDTH;
            for (int j = 0; j < WIDTH; j++) {
                int i = base + j;
                float x = OMEGA * (z[i] + bias[j]);
                float k = (x * inv2Pi + round) - round;
                float t = (x - k * twoPiHi) - k * twoPiLo;
                float t2 = t * t;
                sin[i] = t * (9.9999959990e-01f + t2 * (-1.6666552631e-01f + t2 * (8.3324029612e-03f
                        + t2 * (-1.9808632625e-04f + t2 * (2.6997138290e-06f + t2 * -2.0362212139e-08f)))));
                cos[i] = 9.9999998904e-01f + t2 * (-4.9999989103e-01f + t2 * (4.1666489217e-02f
                        + t2 * (-1.3887803574e-03f + t2 * (2.4769882916e-05f + t2 * (-2.7079024316e-07f
                        + t2 * 1.7245068706e-09f)))));
            }
        }
    }

    private static void report(String what, long elements, Runnable work) {
        for (int i = 0; i < WARMUP; i++) {
            work.run();
        }
        double[] ns = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.run();
            ns[i] = (System.nanoTime() - start) / (double) elements;
        }
        Arrays.sort(ns);
        System.out.printf(java.util.Locale.ROOT, "%-48s %7.3f %7.3f%n", what, ns[0], ns[RUNS / 2]);
    }
}
