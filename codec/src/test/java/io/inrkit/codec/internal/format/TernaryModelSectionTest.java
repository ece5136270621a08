package io.inrkit.codec.internal.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inrkit.codec.internal.quant.QuantizedTensor;
import io.inrkit.codec.internal.quant.TensorFormat;
import io.inrkit.core.CorruptInputException;
import io.inrkit.core.PlaneMapping;
import io.inrkit.core.SignalSpec;
import io.inrkit.core.model.TernaryInr;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Formulation 2 in a model section: written, read back equal, and its defects refused by name. */
class TernaryModelSectionTest {

    private static final SignalSpec SPEC = SignalSpec.image(6, 5, 3, 8);
    private static final byte[] SHA = new byte[InrFormat.SHA256_BYTES];

    @Test
    void aTernaryNetworkSurvivesTheContainer() throws Exception {
        StoredTernaryModel stored = StoredTernaryModel.of(network(3, 12, 7), 0, SPEC.positions());
        InrContainer c = InrContainer.of(SPEC, SHA, List.of(stored), InrFormat.MODE_INR, oneTile(new byte[] {1, 2, 3, 4}));
        InrContainer back = InrContainer.parse(c.toBytes());
        assertEquals(c, back);
        StoredTernaryModel read = (StoredTernaryModel) back.models().get(0);
        assertEquals(3, read.frequencies());
        assertEquals(stored.parameters(), read.parameters());
        TernaryInr a = stored.toModel(SPEC);
        TernaryInr b = read.toModel(SPEC);
        for (int l = 0; l < a.layers(); l++) {
            assertArrayEquals(a.codes(l), b.codes(l), "layer " + l);
            assertEquals(a.beta(l), b.beta(l), "layer " + l);
        }
    }

    @Test
    void defectsAreRefusedByName() {
        int features = TernaryInr.featureCount(2, 2);
        assertCorrupt("encoding frequencies", section(17, List.of(ternary(features, 8), ternary(8, 24))));
        assertCorrupt("expected " + features + " inputs", section(2, List.of(ternary(features + 2, 8), ternary(8, 24))));
        assertCorrupt("needs 24", section(2, List.of(ternary(features, 8), ternary(8, 23))));
        assertCorrupt("layers (1..", section(2, List.of()));
        QuantizedTensor half = new QuantizedTensor(TensorFormat.FP16, 8, 24, new int[8 * 24], new float[0]);
        assertCorrupt("must be ternary, not fp16", section(2, List.of(ternary(features, 8), half)));
        assertThrows(IllegalArgumentException.class,
                () -> new StoredTernaryModel(0, 30, 2, List.of(ternary(features, 8), half)), "nor can one be built");
    }

    /** The whole image as one tile of these bytes (never decoded here: only the container is read). */
    private static TiledBits oneTile(byte[] stream) {
        return new TiledBits(Tiling.whole(SPEC), List.of(stream), new int[1]);
    }

    private static void assertCorrupt(String text, byte[] file) {
        CorruptInputException e = assertThrows(CorruptInputException.class, () -> InrContainer.parse(file));
        assertTrue(e.getMessage().contains(text), e.getMessage());
        assertTrue(e.getMessage().matches(".* at byte \\d+"), e.getMessage());
    }

    /** A file whose one model section is formulation 2 with these layers, written by hand. */
    private static byte[] section(int frequencies, List<QuantizedTensor> layers) {
        ByteWriter w = new ByteWriter();
        w.u32(0).u32(SPEC.positions()).u8(InrFormat.FORMULATION_TERNARY_BITLINEAR).u8(frequencies).u8(layers.size());
        for (QuantizedTensor t : layers) {
            w.u16(t.rows()).u16(t.cols());
            TensorCoding.write(w, t);
        }
        byte[] plain = InrContainer.of(SPEC, SHA, List.of(), InrFormat.MODE_CONTEXT, oneTile(new byte[4])).toBytes();
        int cut = InrFormat.SPEC_BYTES;
        ByteWriter file = new ByteWriter();
        file.bytes(Arrays.copyOf(plain, cut));
        ContainerWriter.section(file, InrFormat.TAG_MODEL, w.toByteArray());
        file.bytes(Arrays.copyOfRange(plain, cut, plain.length));
        return file.toByteArray();
    }

    private static QuantizedTensor ternary(int rows, int cols) {
        int[] codes = new int[rows * cols];
        SplittableRandom rnd = new SplittableRandom(rows * 31L + cols);
        for (int i = 0; i < codes.length; i++) {
            codes[i] = rnd.nextInt(3) - 1;
        }
        return new QuantizedTensor(TensorFormat.TERNARY, rows, cols, codes, new float[] {0.125f});
    }

    private static TernaryInr network(int frequencies, int width, long seed) {
        int[] dims = {TernaryInr.featureCount(2, frequencies), width, SPEC.channels() * SPEC.bitDepth()};
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[][] codes = new byte[2][];
        for (int l = 0; l < 2; l++) {
            codes[l] = new byte[dims[l] * dims[l + 1]];
            for (int i = 0; i < codes[l].length; i++) {
                codes[l][i] = (byte) (rnd.nextInt(3) - 1);
            }
        }
        return new TernaryInr(SPEC, PlaneMapping.BINARY, frequencies, dims, codes, new float[] {0.5f, 0.25f});
    }
}
