package io.inrkit.codec;

import io.inrkit.codec.format.InrContainer;
import io.inrkit.codec.format.InrFormat;
import io.inrkit.codec.format.SampleHash;
import io.inrkit.codec.format.StoredNetwork;
import io.inrkit.codec.format.StoredTernaryModel;
import io.inrkit.codec.quant.TensorFormat;
import io.inrkit.core.Signal;
import io.inrkit.core.fit.FitListener;
import io.inrkit.core.fit.FitOptions;
import io.inrkit.core.fit.InrFitter;
import io.inrkit.core.testing.RawSignals;
import java.nio.file.Path;
import java.util.List;

/** The codec's real-signal fixtures (src/test/resources/fixtures/README.md). */
public final class CodecFixtures {

    private CodecFixtures() {
    }

    public static Path path(String name) {
        return Path.of("src", "test", "resources", "fixtures", name);
    }

    /** A PPM/PGM crop: kodim01-32x32.ppm, kodim23-16x16.ppm, rgb16-16x16.ppm, m51-16x16.pgm. */
    public static Signal image(String name) {
        return RawSignals.pnm(path(name));
    }

    /** 256 frames of a real 24-bit stereo snare at 48 kHz. */
    public static Signal snare() {
        return RawSignals.pcm(path("snare-256f-2ch-48k.s24le"), 3, false, 2, 48000);
    }

    /** {@code source} in a file with a small SIREN (8 wide, int8 weights), coded in mixed mode. */
    public static byte[] sirenFile(Signal source) {
        FitOptions fit = FitOptions.builder().width(8).layers(1).maxIterations(20).build();
        return mixedFile(source, List.of(Encoder.store(InrFitter.fit(source, fit, FitListener.NONE).model(), 0,
                source.spec().positions(), TensorFormat.INT8_CHANNEL)));
    }

    /** {@code source} in a file with a small ternary BitLinear network (formulation 2), coded in mixed mode. */
    public static byte[] ternaryFile(Signal source) {
        FitOptions fit = FitOptions.builder().width(8).layers(1).maxIterations(20).build();
        return mixedFile(source, List.of(StoredTernaryModel.of(InrFitter.fitTernary(source, fit, FitListener.NONE)
                .model(), 0, source.spec().positions())));
    }

    /** {@code source} coded in mixed mode with these models, whatever an encoder would choose. */
    public static byte[] mixedFile(Signal source, List<? extends StoredNetwork> models) {
        byte[] coded = SampleCodec.encode(source, new ModelSideInformation(source.spec(), models, 1),
                InrFormat.MODE_MIXED);
        return new InrContainer(source.spec(), SampleHash.of(source), List.copyOf(models), InrFormat.MODE_MIXED, coded)
                .toBytes();
    }
}
