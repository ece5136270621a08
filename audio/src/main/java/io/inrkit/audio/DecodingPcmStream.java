package io.inrkit.audio;

import io.inrkit.codec.DecodeOptions;
import io.inrkit.codec.StreamCodec;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The PCM of an .inr recording, decoded block by block while it is read, so that a reader holds a
 * few blocks of it, never the recording (issue 14). A thread of its own runs
 * {@link StreamCodec#decode}; each block, once it matches its CRC32C, becomes signed
 * little-endian PCM in a queue of {@link #QUEUED} blocks that {@link #read} drains, and the
 * decoder waits while the queue is full. A defect found later (the SHA-256 of the whole
 * recording, a bad end) is an IOException from the read that reaches it, after the blocks before
 * it, as {@code flac -d -c} does. {@link #close} stops the decoder and closes the source.
 */
final class DecodingPcmStream extends InputStream {

    /** Blocks of PCM decoded ahead of the reader. */
    static final int QUEUED = 2;

    /** What the decoder thread hands on: PCM, the end, or why it stopped. */
    private record Item(byte[] pcm, IOException failure) {
        static final Item END = new Item(null, null);
    }

    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUED);
    private final InputStream source;
    private final Thread decoder;
    private Item current;
    private int at;
    private boolean ended;

    private DecodingPcmStream(InputStream source, int threads) {
        this.source = source;
        DecodeOptions options = DecodeOptions.builder().threads(threads).build();
        decoder = new Thread(() -> run(options), "inrkit-audio-decoder");
        decoder.setDaemon(true);
    }

    /**
     * Starts decoding the .inr file {@code source} holds and waits for its first block, so that a
     * file whose header or first block is bad is refused here and not at the first read.
     */
    static DecodingPcmStream open(InputStream source, int threads) throws IOException {
        DecodingPcmStream s = new DecodingPcmStream(source, threads);
        s.decoder.start();
        try {
            s.next();
        } catch (IOException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private void run(DecodeOptions options) {
        Item last = Item.END;
        try {
            StreamCodec.decode(source, new StreamCodec.BlockSink() {
                @Override
                public void begin(SignalSpec whole) {
                }

                @Override
                public void write(Signal block) throws IOException {
                    try {
                        queue.put(new Item(AudioFiles.littleEndianPcm(byteAligned(block), false), null));
                    } catch (InterruptedException e) {
                        throw new InterruptedIOException("closed while decoding");
                    }
                }
            }, options, StreamCodec.Progress.NONE);
        } catch (IOException e) {
            last = new Item(null, e);
        } catch (RuntimeException | Error e) { // an Error too: the reader must not wait for ever
            last = new Item(null, new IOException(String.valueOf(e.getMessage()), e));
        }
        try {
            queue.put(last);
        } catch (InterruptedException e) {
            // closed: nobody reads what is left
        }
    }

    /** Makes {@link #current} a block with bytes left, or ends; false at the end. */
    private boolean next() throws IOException {
        while (!ended && (current == null || at == current.pcm().length)) {
            Item item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for decoded audio");
            }
            if (item.failure() != null) {
                ended = true;
                throw new IOException("cannot decode .inr audio: " + item.failure().getMessage(), item.failure());
            }
            if (item == Item.END) {
                ended = true;
            } else {
                current = item;
                at = 0;
            }
        }
        return !ended;
    }

    /** Samples of 12 or 20 bits, say, shifted to the top of 16 or 24 as PCM containers hold them. */
    static Signal byteAligned(Signal signal) {
        int bits = signal.bitDepth();
        int container = (bits + 7) / 8 * 8;
        if (bits == container) {
            return signal;
        }
        Signal.Builder b = Signal.builder(signal.spec().withBitDepth(container));
        for (int i = 0, n = signal.sampleCount(); i < n; i++) {
            b.set(i, signal.sample(i) << (container - bits));
        }
        return b.build();
    }

    @Override
    public int read() throws IOException {
        return next() ? current.pcm()[at++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!next()) {
            return -1;
        }
        int n = Math.min(len, current.pcm().length - at);
        System.arraycopy(current.pcm(), at, b, off, n);
        at += n;
        return n;
    }

    @Override
    public int available() {
        return ended || current == null ? 0 : current.pcm().length - at;
    }

    @Override
    public void close() throws IOException {
        ended = true;
        decoder.interrupt();
        queue.clear(); // a decoder waiting to put is let go, and then sees the interrupt
        source.close();
    }
}
