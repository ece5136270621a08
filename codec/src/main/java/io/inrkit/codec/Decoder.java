package io.inrkit.codec;

import io.inrkit.codec.internal.format.InrContainer;
import io.inrkit.codec.internal.format.SampleHash;
import io.inrkit.codec.internal.format.StoredNetwork;
import io.inrkit.codec.internal.format.Tiling;
import io.inrkit.codec.internal.model.ContextNet;
import io.inrkit.codec.internal.model.ModelSideInformation;
import io.inrkit.codec.internal.model.TiledCoding;
import io.inrkit.core.BadInputException;
import io.inrkit.core.CorruptInputException;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalKind;
import io.inrkit.core.SignalSpec;
import java.util.Arrays;

/**
 * Reads .inr files back into signals. Validates the container, evaluates the stored models with
 * the deterministic engine, decodes every bit with the same models the encoder used, and checks
 * the samples' SHA-256 against the file's: a decode either gives back exactly the original samples
 * or ends in {@link CorruptInputException}. A file that declares a signal over the caller's
 * {@link DecodeOptions} limits ends in {@link io.inrkit.core.MemoryLimitException} before decoding.
 *
 * <p>Thread-safe: every method may be called from several threads at once, on the same bytes or
 * on different files; none keeps state between calls or changes the array it is given.
 */
public final class Decoder {

    private Decoder() {
    }

    /** {@link #decode(byte[], DecodeOptions)} on {@code threads} threads, with the default limits. */
    public static Signal decode(byte[] file, int threads) throws BadInputException {
        return decode(file, DecodeOptions.builder().threads(threads).build());
    }

    public static Signal decode(byte[] file, DecodeOptions options) throws BadInputException {
        InrContainer c = InrContainer.parse(file);
        Tiling whole = Tiling.whole(c.spec()); // the whole signal as one region
        Signal s = decodeTiles(c, c.spec(), options, 0, 0, whole.tileWidth(), whole.tileHeight());
        if (!Arrays.equals(SampleHash.of(s), c.sha256())) {
            throw new CorruptInputException("decoded samples do not match the file's SHA-256: the coded bits are corrupt");
        }
        return s;
    }

    /**
     * The {@code width x height} region of an image whose top-left pixel is {@code (x, y)},
     * decoding only the tiles it touches; each is checked against the checksum of its samples the
     * file carries. A version-1 file, which has one tile and no tile checksums, is decoded whole,
     * checked against its SHA-256, and cut.
     *
     * @throws IllegalArgumentException when the file is not an image or the region is not inside it
     */
    public static Signal decodeRegion(byte[] file, int x, int y, int width, int height, DecodeOptions options)
            throws BadInputException {
        InrContainer c = InrContainer.parse(file);
        SignalSpec spec = c.spec();
        if (spec.kind() != SignalKind.IMAGE) {
            throw new IllegalArgumentException("a region needs an image; the file holds " + spec.describe());
        }
        if (width < 1 || height < 1 || x < 0 || y < 0 || (long) x + width > spec.width()
                || (long) y + height > spec.height()) {
            throw new IllegalArgumentException("region " + width + "x" + height + "+" + x + "+" + y
                    + " is not inside the " + spec.width() + "x" + spec.height() + " image");
        }
        if (c.bits().checksums() == null) {
            return decode(file, options).crop(x, y, width, height);
        }
        return decodeTiles(c, spec.withShape(height, width), options, x, y, width, height);
    }

    /**
     * Frames {@code start .. start + count - 1} of an audio file, decoding only the blocks they
     * touch; as {@link #decodeRegion} for images.
     *
     * @throws IllegalArgumentException when the file is not audio or the frames are not inside it
     */
    public static Signal decodeFrames(byte[] file, int start, int count, DecodeOptions options)
            throws BadInputException {
        InrContainer c = InrContainer.parse(file);
        SignalSpec spec = c.spec();
        if (spec.kind() != SignalKind.AUDIO) {
            throw new IllegalArgumentException("frames need audio; the file holds " + spec.describe());
        }
        if (count < 1 || start < 0 || (long) start + count > spec.frames()) {
            throw new IllegalArgumentException("frames " + start + ":" + count + " are not inside the "
                    + spec.frames() + "-frame recording");
        }
        if (c.bits().checksums() == null) {
            return decode(file, options).segment(start, count);
        }
        return decodeTiles(c, spec.withShape(count), options, start, 0, count, 1);
    }

    /**
     * Decodes the tiles of {@code c} that the region touches (images: pixels; audio: frames, in
     * {@code x} and {@code width}). {@code decoded} is what the caller gets, checked against the
     * limits: with models, the whole signal, as their probabilities are computed for all of it.
     */
    private static Signal decodeTiles(InrContainer c, SignalSpec decoded, DecodeOptions options, int x, int y,
            int width, int height) throws BadInputException {
        // The parse allocates only what the file's bytes and the format's model limits bound;
        // the samples and their probabilities, what the signal's declared size sets, come after.
        Tiling tiling = c.bits().tiling();
        Tiling.Tile first = tiling.tile(c.spec(), 0);
        long tiles = c.bits().streams().size();
        options.check(decoded, c.spec(), !c.models().isEmpty(), (long) first.positions() * c.spec().channels(),
                tiles);
        options.checkModels(c.models().stream().mapToLong(StoredNetwork::parameters).sum());
        ModelSideInformation side = c.models().isEmpty() ? null
                : new ModelSideInformation(c.spec(), c.models(), options.threads());
        ContextNet net = c.contextNet() == null ? null : ContextNet.of(c.contextNet());
        return TiledCoding.decode(c.spec(), c.bits(), side, c.mode(), net, options.threads(), x, y, width, height);
    }

    /**
     * Checks that {@code file} decodes to exactly {@code original} (the flac habit of
     * {@code encode --verify}): its signal description and every sample compared. A file that does
     * not is an encoder or storage fault, not bad input, so it ends in {@link IllegalStateException}
     * naming the first difference; a file that does not decode at all ends the same way, with the
     * decoder's error as the cause.
     */
    public static void verify(byte[] file, Signal original, DecodeOptions options) {
        Signal back;
        try {
            back = decode(file, options);
        } catch (BadInputException e) {
            throw new IllegalStateException("verify: the file just written does not decode: " + e.getMessage(), e);
        }
        if (!back.spec().equals(original.spec())) {
            throw new IllegalStateException("verify: the file decodes to " + back.spec().describe() + ", not "
                    + original.spec().describe());
        }
        int[] a = original.toIntArray();
        int[] b = back.toIntArray();
        int at = Arrays.mismatch(a, b);
        if (at >= 0) {
            throw new IllegalStateException("verify: sample " + at + " decodes to " + (at < b.length ? b[at] : "nothing")
                    + ", not " + (at < a.length ? a[at] : "nothing"));
        }
    }

    /** Whether {@code data} starts like an .inr file. */
    public static boolean isInr(byte[] data) {
        return InrContainer.hasMagic(data);
    }

}
