package io.inrkit.codec.internal.model;

/** Where a sample model puts each sample it codes: unsigned, at its interleaved index. */
@FunctionalInterface
public interface SampleSink {

    /** Takes no sample: what an encoder passes. */
    SampleSink NONE = (index, value) -> { };

    void set(int index, int value);
}
