package io.inrkit.cli;

import io.inrkit.codec.StreamCodec;
import io.inrkit.core.Signal;
import io.inrkit.core.SignalSpec;

/** A sink that keeps nothing: a decode run only for its checks. */
final class Discard {

    static final StreamCodec.BlockSink SINK = new StreamCodec.BlockSink() {
        @Override
        public void begin(SignalSpec whole) {
        }

        @Override
        public void write(Signal block) {
        }
    };

    private Discard() {
    }
}
