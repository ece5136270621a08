package io.inrkit.core.fit;

import io.inrkit.core.Signal;
import java.util.List;

/** What every fit of one piece reports, whichever network it trained ({@link FitResult}, {@link TernaryFitResult}). */
public interface FitOutcome {

    int iterations();

    double seconds();

    boolean lossless();

    long bitErrors();

    long[] bitErrorsPerPlane();

    long totalBits();

    List<FitProgress> history();

    Signal reconstruction();

    double psnr();

    /** Numbers the network holds. */
    long parameters();
}
