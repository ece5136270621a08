package io.inrkit.codec;

import io.inrkit.codec.EncodeOptions.Preset;
import io.inrkit.core.SignalKind;
import io.inrkit.core.model.TernaryInr;
import java.util.List;

/**
 * The networks the encoder trains, in one table: a row for each preset and kind of signal, every
 * network in it labelled column by column, as zstd's {@code CompressionParameters} lists its
 * levels. After the table, the networks that an explicit width, layers or iterations, or a
 * lossless model, start from.
 */
final class Presets {

    /**
     * One network to train, read as {@code width(32).layers(2).iterations(1500).timeLimitSeconds(45)}.
     *
     * @param width units per hidden layer
     * @param layers hidden (sine or BitLinear) layers; the output layer is extra
     * @param iterations training steps at most
     * @param timeLimitSeconds wall-clock limit of the training; 0 for none
     */
    record Network(int width, int layers, int iterations, double timeLimitSeconds) {

        /** The first column; the others follow as {@link #layers(int)}, {@link #iterations(int)} ... */
        static Network width(int width) {
            return new Network(width, 0, 0, 0);
        }

        Network layers(int v) {
            return new Network(width, v, iterations, timeLimitSeconds);
        }

        Network iterations(int v) {
            return new Network(width, layers, v, timeLimitSeconds);
        }

        Network timeLimitSeconds(double v) {
            return new Network(width, layers, iterations, v);
        }

        /** This network with the width, layers and iterations the options name in place of its own. */
        Network overriddenBy(EncodeOptions o) {
            return new Network(o.width().orElse(width), o.layers().orElse(layers), o.iterations().orElse(iterations),
                    timeLimitSeconds);
        }

        /** Width x layers, as a candidate's name shows it: "32x2". */
        String shape() {
            return width + "x" + layers;
        }
    }

    /** What one preset trains on one kind of signal: no network, one, or several to choose from. */
    record Row(Preset preset, SignalKind media, List<Network> networks) {
    }

    private static final List<Row> TABLE = List.of(
            row(Preset.FAST, SignalKind.IMAGE),
            row(Preset.FAST, SignalKind.AUDIO),
            // No coordinate network has paid for its bytes at this budget, on images or audio: on
            // a 256x256 photo crop the 32x2 SIREN this row trained for 45 s saved 99 bytes of
            // coded bits and cost 2,513 of weights (docs/CODEC.md), so the default trains none.
            row(Preset.DEFAULT, SignalKind.IMAGE),
            row(Preset.DEFAULT, SignalKind.AUDIO),
            row(Preset.MAX, SignalKind.IMAGE,
                    Network.width(32).layers(2).iterations(3000).timeLimitSeconds(60),
                    Network.width(64).layers(3).iterations(3000).timeLimitSeconds(90)),
            row(Preset.MAX, SignalKind.AUDIO,
                    Network.width(16).layers(2).iterations(300).timeLimitSeconds(120)));

    /** What an explicit width, layers or iterations fill in from; no time limit. */
    static final Network EXPLICIT = Network.width(32).layers(2).iterations(1500);
    /** A SIREN lossless model: trained to lossless, however long that takes. */
    static final Network LOSSLESS_SIREN = Network.width(256).layers(3).iterations(20_000);
    /** A ternary BitLinear lossless model: the paper's shape. */
    static final Network LOSSLESS_TERNARY = Network.width(TernaryInr.PAPER_WIDTH)
            .layers(TernaryInr.PAPER_HIDDEN_LAYERS).iterations(20_000);

    /**
     * The context network a preset fits to an image (issue 13): hidden units and training steps.
     * It is tried wherever the stronger context model codes an image; the fast preset codes with
     * the first model, which takes none.
     */
    record ContextNetwork(int hidden, int steps) {
    }

    static final ContextNetwork DEFAULT_CONTEXT_NET = new ContextNetwork(16, 8000);
    static final ContextNetwork MAX_CONTEXT_NET = new ContextNetwork(32, 16000);

    /** The context network {@code preset} tries on images, or null for none. */
    static ContextNetwork contextNet(Preset preset) {
        return switch (preset) {
            case FAST -> null;
            case DEFAULT -> DEFAULT_CONTEXT_NET;
            case MAX -> MAX_CONTEXT_NET;
        };
    }

    private Presets() {
    }

    /** The networks {@code preset} trains on a signal of kind {@code media}. */
    static List<Network> networks(Preset preset, SignalKind media) {
        for (Row r : TABLE) {
            if (r.preset() == preset && r.media() == media) {
                return r.networks();
            }
        }
        throw new IllegalStateException("the preset table has no row for " + preset.id() + " " + media);
    }

    private static Row row(Preset preset, SignalKind media, Network... networks) {
        return new Row(preset, media, List.of(networks));
    }
}
