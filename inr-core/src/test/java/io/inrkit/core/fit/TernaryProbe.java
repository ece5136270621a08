package io.inrkit.core.fit;

import io.inrkit.core.Signal;
import io.inrkit.core.model.TernaryInr;

/** Scratch probe: java ... TernaryProbe width layers freqs lr steps schedule. */
public final class TernaryProbe {
    public static void main(String[] a) {
        Signal s = a.length > 6 ? io.inrkit.core.testing.RawSignals.pnm(Fixtures.path(a[6])) : Fixtures.kodim01();
        FitOptions o = FitOptions.builder().width(Integer.parseInt(a[0])).layers(Integer.parseInt(a[1]))
                .encodingFrequencies(Integer.parseInt(a[2])).learningRate(Double.parseDouble(a[3]))
                .maxIterations(Integer.parseInt(a[4])).schedule(Schedule.fromId(a[5])).threads(2).seed(a.length > 7 ? Long.parseLong(a[7]) : 1).build();
        long t0 = System.nanoTime();
        TernaryFitResult r = InrFitter.fitTernary(s, o, p -> {
            if (p.iteration() % 200 == 0 || p.bitErrors() == 0) {
                System.out.printf("it %d loss %.5f errors %d  %.1fs%n", p.iteration(), p.loss(), p.bitErrors(), p.seconds());
            }
        });
        TernaryInr m = r.model();
        Signal rec = io.inrkit.core.BitPlanes.of(s.spec(), o.mapping, m.predictBits()).recompose();
        long diff = 0;
        for (int i = 0; i < s.sampleCount(); i++) if (s.sample(i) != rec.sample(i)) diff++;
        System.out.printf("done it %d errors %d lossless %s strict-eval differing samples %d  %.1fs weights %d%n",
                r.iterations(), r.bitErrors(), r.lossless(), diff, (System.nanoTime() - t0) / 1e9, m.weightCount());
    }
}
